import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Cell, Picker } from '@nutui/nutui-react-taro';
import { PROFILE_LIMITS, WEEKDAY_LABELS, type ProfileIssue, type WeeklyWindow, minuteLabel } from './profile-draft';

type WindowPart = 'weekday' | 'startMinute' | 'endMinute';

interface Picking {
  index: number;
  part: WindowPart;
}

const DAY_MINUTES = 1440;
const MINUTE_STEP = 30;
/** 09:00–11:30, a morning free for a talk, as a new row's first guess. */
const NEW_WINDOW = { startMinute: 540, endMinute: 690 };

const WEEKDAY_OPTIONS = WEEKDAY_LABELS.map((label, weekday) => ({ label, value: weekday }));

function minuteOptions(from: number, to: number) {
  const options = [];
  for (let minute = from; minute <= to; minute += MINUTE_STEP) options.push({ label: minuteLabel(minute), value: minute });
  return options;
}

const START_OPTIONS = minuteOptions(0, DAY_MINUTES - MINUTE_STEP);
const END_OPTIONS = minuteOptions(MINUTE_STEP, DAY_MINUTES);

const PICKER_TITLES: Record<WindowPart, string> = {
  weekday: '选择星期',
  startMinute: '选择开始时间',
  endMinute: '选择结束时间',
};

const PICKER_OPTIONS: Record<WindowPart, Array<{ label: string; value: number }>> = {
  weekday: WEEKDAY_OPTIONS,
  startMinute: START_OPTIONS,
  endMinute: END_OPTIONS,
};

interface AvailabilityEditorProps {
  windows: WeeklyWindow[];
  issues: ProfileIssue[];
  onChange: (windows: WeeklyWindow[]) => void;
}

/** 每周空闲时间: the weekly hours matching may offer talks in, one row per weekday and span. */
export function AvailabilityEditor({ windows, issues, onChange }: AvailabilityEditorProps) {
  const [picking, setPicking] = useState<Picking | null>(null);

  function pick(value: number) {
    if (!picking) return;
    onChange(windows.map((window, index) => (index === picking.index ? { ...window, [picking.part]: value } : window)));
  }

  function addWindow() {
    const last = windows[windows.length - 1];
    // The next row most often is the next day at the same hours.
    const next = last ? { ...last, weekday: (last.weekday + 1) % 7 } : { weekday: 1, ...NEW_WINDOW };
    onChange([...windows, next]);
  }

  const picked = picking ? windows[picking.index] : undefined;
  return (
    <View className="ywk-availability">
      {windows.length === 0 ? <View className="ywk-speaker-profile__hint">还没有填写空闲时间，系统不会给您派单。</View> : null}
      {windows.map((window, index) => {
        const problem = issues.find((issue) => issue.field === `availability.${index}`)?.message;
        return (
          <View key={index} className="ywk-availability__row">
            <View className="ywk-availability__cells">
              <Cell title="星期" extra={WEEKDAY_LABELS[window.weekday]} clickable onClick={() => setPicking({ index, part: 'weekday' })} />
              <Cell title="开始" extra={minuteLabel(window.startMinute)} clickable onClick={() => setPicking({ index, part: 'startMinute' })} />
              <Cell title="结束" extra={minuteLabel(window.endMinute)} clickable onClick={() => setPicking({ index, part: 'endMinute' })} />
            </View>
            <View className="ywk-availability__foot">
              {problem ? <View className="ywk-speaker-profile__issue">{problem}</View> : <View />}
              <Button size="small" fill="none" onClick={() => onChange(windows.filter((_, at) => at !== index))}>
                删除这段
              </Button>
            </View>
          </View>
        );
      })}
      {windows.length < PROFILE_LIMITS.availabilityWindows ? (
        <Button size="small" fill="outline" type="primary" onClick={addWindow}>
          添加空闲时间
        </Button>
      ) : null}
      <Picker
        visible={picking !== null}
        title={picking ? PICKER_TITLES[picking.part] : ''}
        options={[picking ? PICKER_OPTIONS[picking.part] : []]}
        value={picked && picking ? [picked[picking.part]] : undefined}
        onConfirm={(_options, values) => values[0] !== undefined && values[0] !== null && pick(Number(values[0]))}
        onClose={() => setPicking(null)}
      />
    </View>
  );
}
