import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Scan } from '@nutui/icons-react-taro';
import { PAGES } from '../../services/navigation';
import './index.scss';

const inMiniProgram = process.env.TARO_ENV === 'weapp';

function openCheckin(codeText: string): void {
  Taro.navigateTo({ url: `${PAGES.checkinScan}?code=${encodeURIComponent(codeText)}` });
}

async function scanWithCamera(): Promise<void> {
  try {
    const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    openCheckin(scanned.result);
  } catch {
    // Closing the camera without scanning is not an error worth a message.
  }
}

/**
 * 扫码签到. A browser has no scanner, so on the web the attendee types or pastes the code's text
 * (the link under the organiser's QR) instead.
 */
export function CheckinEntry() {
  const [typed, setTyped] = useState('');

  if (inMiniProgram) {
    return (
      <View className="ywk-checkin-entry">
        <Button type="primary" size="xlarge" block icon={<Scan />} onClick={scanWithCamera}>
          扫码签到
        </Button>
      </View>
    );
  }

  const codeText = typed.trim();
  return (
    <View className="ywk-checkin-entry">
      <View className="ywk-checkin-entry__hint">请输入或粘贴现场签到码下方的链接</View>
      <Input
        className="ywk-checkin-entry__input"
        placeholder="签到码链接"
        value={typed}
        onChange={setTyped}
        maxLength={512}
        clearable
      />
      <Button type="primary" size="xlarge" block disabled={!codeText} onClick={() => openCheckin(codeText)}>
        签到
      </Button>
    </View>
  );
}
