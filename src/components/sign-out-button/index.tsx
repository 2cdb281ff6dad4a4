import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { signOut } from '../../services/auth';

export function SignOutButton() {
  const [confirming, setConfirming] = useState(false);

  return (
    <View className="ywk-section">
      <Button block fill="outline" type="primary" onClick={() => setConfirming(true)}>
        退出登录
      </Button>
      <Dialog
        visible={confirming}
        title="退出登录"
        content="退出后，点单、签到需要重新登录。确定退出吗？"
        confirmText="退出"
        cancelText="取消"
        onConfirm={signOut}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      />
    </View>
  );
}
