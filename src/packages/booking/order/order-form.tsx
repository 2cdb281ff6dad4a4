import { type ReactNode, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  Button,
  Cell,
  Checkbox,
  DatePicker,
  Form,
  InputNumber,
  Picker,
  Radio,
  TextArea,
  Toast,
} from '@nutui/nutui-react-taro';
import type { CommunityList, TalkRequestBody, Topic } from '../../../core/api/booking';
import { BOOKING_CONFIG, type OrderIssue, type OrderWindow, isAudienceKind, validateTalkOrder } from '../../../core/booking';
import { AUDIENCE_KINDS } from '../../../core/catalog';
import { dayjs, formatDateTime } from '../../../core/time';
import { bookingApi } from '../../../services/api';
import { errorMessage } from '../../../services/api-error';
import { replaceWithTalkRequest } from '../../../services/booking-navigation';
import { addMinutes, instantFromPicker, pickerDateOf, tomorrowMorning } from '../shared/picker-time';

export const ORDER_TOAST_ID = 'order-toast';
/** The venue choice meaning 社区安排: the community picks the room. */
const COMMUNITY_ARRANGES = 0;
const DEFAULT_AUDIENCE = 30;

type Community = CommunityList['communities'][number];

interface PickingTime {
  index: number;
  edge: 'start' | 'end';
}

interface OrderFormProps {
  topic: Topic;
  communities: Community[];
  /** The resident's own community, chosen to start with: most order a talk where they live. */
  homeCommunityId?: number | null;
}

function issueFor(issues: OrderIssue[], field: string): string | undefined {
  return issues.find((issue) => issue.field === field)?.message;
}

/**
 * One labelled field. NutUI's Form.Item binds a single child to the form's store; the order's
 * fields live in state instead, since its windows are a list checked as a whole by
 * validateTalkOrder, so each field here is laid out without binding.
 */
function Field({ label, required, children }: { label: string; required?: boolean; children: ReactNode }) {
  return (
    <View className="ywk-order-form__field">
      <View className="ywk-order-form__label">
        {required ? <Text className="ywk-order-form__required">*</Text> : null}
        {label}
      </View>
      {children}
    </View>
  );
}

function Problem({ message }: { message?: string }) {
  return message ? <View className="ywk-order-form__issue">{message}</View> : null;
}

/** 点单: where, when (one to three windows), for whom; checked by the same rules as the server. */
export function OrderForm({ topic, communities, homeCommunityId }: OrderFormProps) {
  const [communityId, setCommunityId] = useState<number | null>(() => {
    if (communities.length === 1) return communities[0].id;
    return communities.some((candidate) => candidate.id === homeCommunityId) ? (homeCommunityId as number) : null;
  });
  const [venueChoice, setVenueChoice] = useState<number>(COMMUNITY_ARRANGES);
  const [windows, setWindows] = useState<OrderWindow[]>(() => {
    const start = tomorrowMorning(new Date());
    return [{ start, end: addMinutes(start, topic.durationMin) }];
  });
  const [audienceSize, setAudienceSize] = useState(DEFAULT_AUDIENCE);
  const [audienceKinds, setAudienceKinds] = useState<string[]>(() => [...topic.audience]);
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<OrderIssue[]>([]);
  const [pickingCommunity, setPickingCommunity] = useState(false);
  const [pickingTime, setPickingTime] = useState<PickingTime | null>(null);
  const [sending, setSending] = useState(false);

  const community = communities.find((candidate) => candidate.id === communityId);

  function chooseCommunity(id: number) {
    setCommunityId(id);
    // Another community's venue cannot stay chosen.
    setVenueChoice(COMMUNITY_ARRANGES);
    setIssues((shown) => shown.filter((issue) => issue.field !== 'communityId'));
  }

  function pickTime(picked: string) {
    if (!pickingTime) return;
    const { index, edge } = pickingTime;
    setWindows((shown) =>
      shown.map((window, at) => {
        if (at !== index) return window;
        // A new start moves the end with it, keeping the topic's length.
        return edge === 'start' ? { start: picked, end: addMinutes(picked, topic.durationMin) } : { ...window, end: picked };
      }),
    );
  }

  function addWindow() {
    setWindows((shown) => {
      const last = shown[shown.length - 1];
      const start = dayjs(last.start).add(1, 'day').toISOString();
      return [...shown, { start, end: addMinutes(start, topic.durationMin) }];
    });
  }

  function removeWindow(index: number) {
    setWindows((shown) => shown.filter((_, at) => at !== index));
    setIssues([]);
  }

  async function submit() {
    if (sending) return;
    const trimmedNote = note.trim();
    const found = validateTalkOrder({ windows, audienceSize, audienceKinds, note: trimmedNote }, topic.durationMin, new Date());
    if (communityId === null) found.unshift({ field: 'communityId', rule: 'required', message: '请选择社区' });
    setIssues(found);
    if (found.length > 0) {
      Toast.show(ORDER_TOAST_ID, { content: found[0].message, icon: 'fail' });
      return;
    }
    const body: TalkRequestBody = {
      topicId: topic.id,
      communityId: communityId as number,
      venueId: venueChoice === COMMUNITY_ARRANGES ? null : venueChoice,
      windows,
      audienceSize,
      audienceKinds: audienceKinds.filter(isAudienceKind),
      ...(trimmedNote ? { note: trimmedNote } : {}),
    };
    setSending(true);
    try {
      const talkRequest = await bookingApi.submit(body);
      Toast.show(ORDER_TOAST_ID, { content: '点单成功', icon: 'success' });
      replaceWithTalkRequest(talkRequest.id).catch(() => undefined);
    } catch (error) {
      Toast.show(ORDER_TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    } finally {
      setSending(false);
    }
  }

  const picked = pickingTime ? windows[pickingTime.index] : undefined;
  const pickedInstant = picked && pickingTime ? picked[pickingTime.edge] : undefined;

  return (
    <View className="ywk-order-form">
      <Form
        labelPosition="top"
        footer={
          <Button type="primary" block loading={sending} onClick={submit}>
            提交点单
          </Button>
        }
      >
        <Field label="宣讲社区" required>
          <Cell
            title={community?.name ?? '请选择社区'}
            clickable
            onClick={() => setPickingCommunity(true)}
          />
          <Problem message={issueFor(issues, 'communityId')} />
        </Field>
        {community ? (
          <Field label="宣讲场地">
            <Radio.Group value={venueChoice} onChange={(value) => setVenueChoice(Number(value))}>
              <Radio value={COMMUNITY_ARRANGES}>社区安排</Radio>
              {community.venues.map((venue) => (
                <Radio key={venue.id} value={venue.id}>
                  {venue.name}（可容纳 {venue.capacity} 人）
                </Radio>
              ))}
            </Radio.Group>
          </Field>
        ) : null}
        <Field label={`希望的时间（可填 ${BOOKING_CONFIG.minWindows} 至 ${BOOKING_CONFIG.maxWindows} 个，每段至少 ${topic.durationMin} 分钟）`} required>
          {windows.map((window, index) => (
            <View key={index} className="ywk-order-form__window">
              <View className="ywk-order-form__window-title">
                <View>时间段 {index + 1}</View>
                {windows.length > BOOKING_CONFIG.minWindows ? (
                  <Button size="small" fill="none" onClick={() => removeWindow(index)}>
                    删除
                  </Button>
                ) : null}
              </View>
              <Cell title="开始" extra={formatDateTime(window.start)} clickable onClick={() => setPickingTime({ index, edge: 'start' })} />
              <Cell title="结束" extra={formatDateTime(window.end)} clickable onClick={() => setPickingTime({ index, edge: 'end' })} />
              <Problem message={issueFor(issues, `windows.${index}`)} />
            </View>
          ))}
          {windows.length < BOOKING_CONFIG.maxWindows ? (
            <Button size="small" fill="outline" type="primary" onClick={addWindow}>
              再加一个时间段
            </Button>
          ) : null}
          <Problem message={issueFor(issues, 'windows')} />
        </Field>
        <Field label="预计听众人数" required>
          <InputNumber
            value={audienceSize}
            min={BOOKING_CONFIG.minAudience}
            max={BOOKING_CONFIG.maxAudience}
            onChange={(value) => setAudienceSize(Number(value))}
          />
          <Problem message={issueFor(issues, 'audienceSize')} />
        </Field>
        <Field label="听众类型" required>
          <Checkbox.Group
            direction="horizontal"
            value={audienceKinds}
            onChange={(value) => setAudienceKinds(value.map(String))}
          >
            {AUDIENCE_KINDS.map((kind) => (
              <Checkbox key={kind.key} value={kind.key}>
                {kind.label}
              </Checkbox>
            ))}
          </Checkbox.Group>
          <Problem message={issueFor(issues, 'audienceKinds')} />
        </Field>
        <Field label="备注">
          <TextArea
            value={note}
            onChange={setNote}
            placeholder="如：希望多讲身边的例子，可不填"
            maxLength={BOOKING_CONFIG.maxNoteLength}
            showCount
          />
          <Problem message={issueFor(issues, 'note')} />
        </Field>
      </Form>
      <Picker
        visible={pickingCommunity}
        title="选择社区"
        options={[communities.map((candidate) => ({ label: candidate.name, value: candidate.id }))]}
        // The wheel starts at the chosen community (or the first); without a value, 确定 untouched would pick nothing.
        value={[communityId ?? communities[0]?.id].filter((id): id is number => id !== undefined)}
        onConfirm={(_options, values) => values[0] !== undefined && chooseCommunity(Number(values[0]))}
        onClose={() => setPickingCommunity(false)}
      />
      <DatePicker
        visible={pickingTime !== null}
        type="datetime"
        title={pickingTime?.edge === 'end' ? '选择结束时间' : '选择开始时间'}
        showChinese
        minuteStep={5}
        startDate={new Date()}
        endDate={dayjs().add(BOOKING_CONFIG.maxDaysAhead, 'day').toDate()}
        defaultValue={pickedInstant ? pickerDateOf(pickedInstant) : undefined}
        onConfirm={(_options, values) => pickTime(instantFromPicker(values))}
        onClose={() => setPickingTime(null)}
      />
    </View>
  );
}
