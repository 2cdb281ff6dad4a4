import { View } from '@tarojs/components';
import { Step, Steps } from '@nutui/nutui-react-taro';
import type { TalkRequestView } from '../../../core/api/booking';
import { TALK_REQUEST_STATUS_LABELS, TALK_REQUEST_STEPS, decideTalkRequest } from '../../../core/booking';
import './request-status.scss';

/**
 * Where a request stands, as NutUI Steps. The server decides the step reached (`step`, an index
 * into TALK_REQUEST_STEPS); a cancelled or unmatched request also says so in words.
 */
export function RequestSteps({ talkRequest }: { talkRequest: Pick<TalkRequestView, 'status' | 'statusLabel' | 'step'> }) {
  const offTrack = talkRequest.status === 'cancelled' || talkRequest.status === 'unmatched';
  return (
    <View className="ywk-request-steps">
      {offTrack ? <View className="ywk-request-steps__off">{talkRequest.statusLabel}</View> : null}
      {/* Steps count from 1; a step below the current one shows as done. */}
      <Steps status="dynamic" value={talkRequest.step + 1}>
        {TALK_REQUEST_STEPS.map((status, index) => (
          <Step key={status} value={index + 1} title={TALK_REQUEST_STATUS_LABELS[status]} />
        ))}
      </Steps>
    </View>
  );
}

/** A request may be cancelled until the talk is held, by the same rule the server applies. */
export function isCancellable(talkRequest: Pick<TalkRequestView, 'status'>): boolean {
  return decideTalkRequest(talkRequest.status, 'cancel').ok;
}
