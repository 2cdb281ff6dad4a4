import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { Me } from '../../core/api/auth';
import { roleGrantLabel } from './role-label';
import './index.scss';

export function ProfileCard({ user }: { user: Me }) {
  return (
    <View className="ywk-profile-card">
      <Text className="ywk-profile-card__name">{user.name}</Text>
      <View className="ywk-profile-card__roles">
        {user.roles.map((grant) => (
          <Tag key={`${grant.role}-${grant.unitId}`} className="ywk-profile-card__role" plain>
            {roleGrantLabel(grant)}
          </Tag>
        ))}
      </View>
      <View className="ywk-profile-card__line">
        所属社区：{user.community ? user.community.name : '未填写'}
      </View>
      {user.phone ? <View className="ywk-profile-card__line">手机号：{user.phone}</View> : null}
    </View>
  );
}
