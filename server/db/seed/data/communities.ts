import type { SeedCommunity } from '../types';

export const COMMUNITIES: SeedCommunity[] = [
  { key: 'huiyang', name: '惠阳社区' },
  { key: 'yunxi', name: '云溪社区' },
  { key: 'qingquan', name: '清泉社区' },
  { key: 'taoyuan', name: '桃源社区' },
  { key: 'jinqiao', name: '金桥社区' },
  { key: 'liuying', name: '柳营社区' },
  { key: 'xinghe', name: '星河社区' },
  { key: 'donghu', name: '东湖社区' },
  { key: 'nanyuan', name: '南苑社区' },
  { key: 'xiyuan', name: '西园社区' },
  { key: 'beishan', name: '北山社区' },
  { key: 'heping', name: '和平社区' },
  { key: 'wangjiang', name: '望江社区' },
  { key: 'meilin', name: '梅林社区' },
  { key: 'shuanglong', name: '双龙社区' },
  { key: 'fengming', name: '凤鸣社区' },
  { key: 'jiahe', name: '嘉禾社区' },
  { key: 'chunhui', name: '春晖社区' },
  { key: 'yongning', name: '永宁社区' },
];
