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
  value?: Array<string | number>;
  onConfirm: (options: unknown[], values: Array<string | number>) => void;
  onClose: () => void;
}

/**
 * Each option is a button that picks it. 确定 without touching the wheel confirms what the real
 * Picker would: its `value`, or nothing when it has none (NutUI does not pick the first row).
 */
export function FakePicker({ visible, title, options, value, onConfirm, onClose }: FakePickerProps) {
  if (!visible) return null;
  return (
    <div role="dialog" aria-label={title}>
      <button
        type="button"
        onClick={() => {
          onConfirm([], value ?? []);
          onClose();
        }}
      >
        确定
      </button>
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
