import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import type { AttendanceEntry } from '../../../core/api/checkin';
import { organiserApi } from '../../../services/api';
import { NETWORK_ERROR, errorMessage, isApiError } from '../../../services/api-error';
import { newNonce } from '../../../services/nonce';
import { MANUAL_NAME_MAX_CHARS, readManualCheckin } from './manual-checkin';

interface ManualCheckinDialogProps {
  visible: boolean;
  talkId: number;
  onCheckedIn: (entry: AttendanceEntry) => void;
  onClose: () => void;
}

/** 代签到: the organiser records someone who cannot scan (no phone, flat battery). The server audits it. */
export function ManualCheckinDialog({ visible, talkId, onCheckedIn, onClose }: ManualCheckinDialogProps) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<string>();
  // One nonce per entry as typed: 确定 again after a lost answer is the same check-in, and the
  // server returns the first one instead of recording the person twice.
  const nonce = useRef(newNonce());

  function edited(update: () => void) {
    update();
    setProblem(undefined);
    nonce.current = newNonce();
  }

  function close() {
    setProblem(undefined);
    onClose();
  }

  // NutUI keeps the dialog open when onConfirm rejects, so a bad entry or a refusal rejects.
  async function confirm() {
    const form = readManualCheckin(name, phone, nonce.current);
    if (!form.ok) {
      setProblem(form.problem);
      throw new Error(form.problem);
    }
    let entry: AttendanceEntry;
    try {
      entry = await organiserApi.checkInByHand(talkId, form.body);
    } catch (error) {
      // The server keeps its answer to a refused nonce; trying again later must be a new attempt.
      if (!isApiError(error, NETWORK_ERROR)) nonce.current = newNonce();
      setProblem(errorMessage(error));
      throw error;
    }
    setName('');
    setPhone('');
    setProblem(undefined);
    nonce.current = newNonce();
    onCheckedIn(entry);
  }

  return (
    <Dialog
      visible={visible}
      title="代签到"
      confirmText="确认签到"
      cancelText="取消"
      onConfirm={confirm}
      onCancel={close}
      onClose={close}
      content={
        <View className="ywk-manual-checkin">
          <View className="ywk-manual-checkin__description">为不方便扫码的居民登记签到，系统会记下是您代签的。</View>
          <View className="ywk-manual-checkin__label">姓名</View>
          <Input
            className="ywk-manual-checkin__input"
            placeholder="请输入姓名"
            value={name}
            onChange={(value) => edited(() => setName(value))}
            maxLength={MANUAL_NAME_MAX_CHARS}
            clearable
          />
          <View className="ywk-manual-checkin__label">手机号（可不填）</View>
          <Input
            className="ywk-manual-checkin__input"
            type="number"
            placeholder="11 位手机号"
            value={phone}
            onChange={(value) => edited(() => setPhone(value))}
            maxLength={13}
            clearable
          />
          {problem ? <View className="ywk-manual-checkin__problem">{problem}</View> : null}
        </View>
      }
    />
  );
}
