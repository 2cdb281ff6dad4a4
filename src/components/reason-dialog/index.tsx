import { useState } from 'react';
import { View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { errorMessage } from '../../services/api-error';
import './index.scss';

interface ReasonDialogProps {
  visible: boolean;
  title: string;
  description: string;
  placeholder: string;
  /** Said when the user confirms without writing anything. */
  missingMessage: string;
  maxLength: number;
  confirmText: string;
  /** Sends the decision; a rejection keeps the dialog open with the server's message. */
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
}

/** Asks for the comment or reason a decision must carry (退回修改, 撤回, 取消点单), and confirms it. */
export function ReasonDialog(props: ReasonDialogProps) {
  const { visible, title, description, placeholder, missingMessage, maxLength, confirmText, onSubmit, onClose } = props;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();

  function close() {
    setProblem(undefined);
    onClose();
  }

  // NutUI keeps the dialog open when onConfirm rejects, so a missing or refused reason rejects.
  async function confirm() {
    const reason = text.trim();
    if (!reason) {
      setProblem(missingMessage);
      throw new Error(missingMessage);
    }
    try {
      await onSubmit(reason);
    } catch (error) {
      setProblem(errorMessage(error));
      throw error;
    }
    setText('');
    setProblem(undefined);
  }

  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      onConfirm={confirm}
      onCancel={close}
      onClose={close}
      content={
        <View className="ywk-reason-dialog">
          <View className="ywk-reason-dialog__description">{description}</View>
          <TextArea
            className="ywk-reason-dialog__text"
            value={text}
            onChange={(value) => {
              setText(value);
              setProblem(undefined);
            }}
            placeholder={placeholder}
            maxLength={maxLength}
            showCount
          />
          {problem ? <View className="ywk-reason-dialog__problem">{problem}</View> : null}
        </View>
      }
    />
  );
}
