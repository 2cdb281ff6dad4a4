import { useState } from 'react';

/**
 * Stand-ins for NutUI's Picker and DatePicker, whose wheels scroll by touch and measure their
 * layout, which jsdom cannot do. They keep the contract the page relies on: shown while
 * `visible`, and `onConfirm(options, values)` then `onClose()` when the user taps 确定.
 */

interface FakePickerProps {
  visible: boolean;
  title?: string;
  options: Array<Array<{ label: string; value: string | number }>>;
  onConfirm: (options: unknown[], values: Array<string | number>) => void;
  onClose: () => void;
}

export function FakePicker({ visible, title, options, onConfirm, onClose }: FakePickerProps) {
  if (!visible) return null;
  return (
    <div role="dialog" aria-label={title}>
      {options[0].map((option) => (
        <button
          key={option.value}
          type="button"
          onClick={() => {
            onConfirm([option], [option.value]);
            onClose();
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

interface FakeDatePickerProps {
  visible: boolean;
  title?: string;
  onConfirm: (options: unknown[], values: string[]) => void;
  onClose: () => void;
}

/** Takes the wall-clock time typed as `2030-06-01 09:00`, as the wheels' 年 月 日 时 分. */
export function FakeDatePicker({ visible, title, onConfirm, onClose }: FakeDatePickerProps) {
  const [typed, setTyped] = useState('');
  if (!visible) return null;
  return (
    <div role="dialog" aria-label={title}>
      <input aria-label="picked time" value={typed} onChange={(event) => setTyped(event.target.value)} />
      <button
        type="button"
        onClick={() => {
          onConfirm([], typed.split(/[-\s:]/));
          onClose();
        }}
      >
        确定
      </button>
    </div>
  );
}
