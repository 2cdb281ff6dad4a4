import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Form, Input } from '@nutui/nutui-react-taro';
import { signInWithPassword } from '../../services/auth';
import { passwordFailureMessage } from './failure-message';
import './index.scss';

interface Credentials {
  username: string;
  password: string;
}

/** 工作人员登录: staff accounts created by the street's administrator. */
export function PasswordLoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function submit({ username, password }: Credentials) {
    setSubmitting(true);
    setFailure(undefined);
    try {
      await signInWithPassword(username.trim(), password);
      onSignedIn();
    } catch (error) {
      setFailure(passwordFailureMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <View className="ywk-section">
      <View className="ywk-section-title">工作人员登录</View>
      <Form
        form={form}
        labelPosition="left"
        onFinish={submit}
        footer={
          <Button block type="primary" loading={submitting} onClick={() => form.submit()}>
            登录
          </Button>
        }
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input placeholder="请输入用户名" clearable />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input type="password" placeholder="请输入密码" />
        </Form.Item>
      </Form>
      {failure ? <View className="ywk-login-failure">{failure}</View> : null}
    </View>
  );
}
