export const STREET = { name: '云溪街道', district: '青澜区' };
