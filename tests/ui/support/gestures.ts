import { act, fireEvent } from '@testing-library/react';

function touchAt(y: number) {
  return { touches: [{ clientX: 0, clientY: y, pageX: 0, pageY: y }] };
}

function element(container: HTMLElement, selector: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The reader scrolls a list to its end (the scroll view's scrolltolower). */
export async function scrollToEnd(container: HTMLElement): Promise<void> {
  await act(async () => {
    element(container, '.nut-infiniteloading').dispatchEvent(new CustomEvent('scrolltolower'));
  });
}

/** The reader pulls the list down far enough and lets go (下拉刷新). */
export async function pullDown(container: HTMLElement): Promise<void> {
  const list = element(container, '.nut-pulltorefresh');
  await act(async () => {
    fireEvent.touchStart(list, touchAt(0));
  });
  // NutUI decides "release to refresh" from the height it drew on the previous move.
  for (const y of [120, 240, 300]) {
    await act(async () => {
      fireEvent.touchMove(list, touchAt(y));
    });
  }
  await act(async () => {
    fireEvent.touchEnd(list, { touches: [] });
  });
}
