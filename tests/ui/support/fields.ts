import { waitFor } from '@testing-library/react';

/**
 * The native <input>/<textarea> inside Taro's Input and TextArea is rendered by a web component
 * a moment after the React tree: wait for it instead of assuming it is there (on a busy machine
 * it is not yet).
 */
export function findField<T extends HTMLElement>(selector: string): Promise<T> {
  return waitFor(() => {
    const field = document.querySelector<T>(selector);
    if (!field) throw new Error(`no ${selector} on the page yet`);
    return field;
  });
}

export function findTextArea(selector = 'textarea'): Promise<HTMLTextAreaElement> {
  return findField<HTMLTextAreaElement>(selector);
}
