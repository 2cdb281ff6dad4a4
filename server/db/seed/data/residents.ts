import { DEMO_ACCOUNTS } from '../demo-accounts';
import { COMMUNITIES } from './communities';
import { SPEAKERS } from './speakers';

/** A demo resident who ordered, attended and rated the seeded talks; none can sign in. */
export interface SeedResident {
  name: string;
  community: string; // SeedCommunity.key
  /** In 1390000xxxx, a range no real subscriber holds, so the demo never shows a real number. */
  phone: string;
  /** Older residents: they show personal codes, are checked in by hand, and some use 长辈模式. */
  elderly: boolean;
  elderMode: boolean;
}

export const RESIDENT_COUNT = 150;

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '魏', '苏', '吕', '丁', '沈', '姚', '卢',
];

/** Given names of people born in the 1940s–60s. */
const ELDER_GIVEN_NAMES = [
  '桂英', '秀兰', '玉珍', '凤英', '淑芬', '素珍', '美兰', '金花', '春梅', '月娥', '建华', '国强', '德福', '志刚', '长顺',
  '永福', '宝林', '振华', '水根', '福生', '兰英', '秀珍', '翠华', '国庆', '解放', '卫东', '爱华', '根宝', '阿毛', '招娣',
];

/** Given names of people born from the 1970s on. */
const YOUNGER_GIVEN_NAMES = [
  '伟', '静', '磊', '婷', '洋', '丽娟', '海燕', '晓明', '雪梅', '俊', '鹏飞', '佳琪', '子涵', '浩然', '欣怡', '宇航',
  '梦瑶', '思远', '雨涵', '博文', '晨曦', '嘉怡', '一帆', '文杰', '诗琪', '天宇', '可馨', '俊辉', '晓峰', '慧敏',
];

/** Demo accounts and speakers keep their names to themselves, so a list never shows two of one. */
const TAKEN_NAMES = new Set([...DEMO_ACCOUNTS.map((account) => account.name), ...SPEAKERS.map((speaker) => speaker.name)]);

/**
 * The k-th name of a deterministic walk through surname × given name: the strides are prime to
 * the list lengths, so the walk visits many combinations before repeating one.
 */
function nameAt(k: number, elderly: boolean): string {
  const given = elderly ? ELDER_GIVEN_NAMES : YOUNGER_GIVEN_NAMES;
  return SURNAMES[(k * 7) % SURNAMES.length] + given[(k * 11 + Math.floor(k / given.length)) % given.length];
}

function generateResidents(): { residents: SeedResident[]; walkIns: string[] } {
  const used = new Set(TAKEN_NAMES);
  const residents: SeedResident[] = [];
  const nextName = (state: { k: number }, elderly: boolean) => {
    let name = nameAt(state.k++, elderly);
    while (used.has(name)) name = nameAt(state.k++, elderly);
    used.add(name);
    return name;
  };
  const walk = { k: 0 };
  for (let index = 0; index < RESIDENT_COUNT; index++) {
    // A third are elderly, and half of those have switched on 长辈模式.
    const elderly = index % 3 === 0;
    residents.push({
      name: nextName(walk, elderly),
      community: COMMUNITIES[index % COMMUNITIES.length].key,
      phone: `1390000${String(index + 1).padStart(4, '0')}`,
      elderly,
      elderMode: index % 6 === 0,
    });
  }
  const walkIns = Array.from({ length: 40 }, () => nextName(walk, true));
  return { residents, walkIns };
}

const generated = generateResidents();

export const RESIDENTS: SeedResident[] = generated.residents;

/** Elders without an account or a phone of their own, checked in by hand (代签到). */
export const WALK_IN_NAMES: string[] = generated.walkIns;
