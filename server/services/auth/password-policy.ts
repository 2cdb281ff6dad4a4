import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../../../src/core/errors';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Words common in passwords chosen in China that the English-centred list misses; zxcvbn also
 * catches them inside longer passwords (woaini1314, 5201314abc).
 */
const CHINESE_COMMON = [
  'woaini', 'aini', '5201314', '1314520', '520520', '1314', 'zhang', 'wang', 'li', 'liu', 'chen',
  'yang', 'huang', 'zhao', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo',
  'gao', 'zhongguo', 'china', 'beijing', 'shanghai', 'hangzhou', 'baobei', 'laopo', 'laogong',
  'qq123456', 'abc123456', 'a123456', 'aa123456', '123qwe', 'qweasd', 'asd123', 'zxc123', 'admin123',
  'dangjian', 'xuanjiang', 'shequ', 'jiedao', 'weiketang', 'yunxi', 'dangyuan', 'gongchandang',
  'mima', 'wodemima', 'iloveyou', 'caonima', 'nihao', 'haha', 'hehe', '666666', '888888', '147258',
  '147258369', '159357', '112233', '521521', '584520', '7758521', '9958',
];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, chinese: CHINESE_COMMON },
  graphs: common.adjacencyGraphs,
});

/** Refuses a password that is short or guessable, naming the reason for the form to show. */
export function assertStrongPassword(password: string, context: { username: string; name: string }): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('weak_password', { reason: 'too_short', minLength: MIN_PASSWORD_LENGTH },
      `密码至少需要 ${MIN_PASSWORD_LENGTH} 位`);
  }
  const lowered = password.toLowerCase();
  if (lowered.includes(context.username.toLowerCase())) {
    throw new AppError('weak_password', { reason: 'contains_username' }, '密码不能包含用户名');
  }
  const result = zxcvbn.check(password, [context.username, context.name]);
  if (result.score < 3) {
    throw new AppError('weak_password', { reason: 'common', score: result.score },
      '密码过于常见或容易被猜到，请使用字母、数字和符号组合的更长密码');
  }
}
