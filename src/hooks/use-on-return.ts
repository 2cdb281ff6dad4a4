import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Runs `callback` each time the user comes back to this page (from a page opened on top of it, or
 * from another tab), but not when it first shows: the page has just loaded its data then.
 */
export function useOnReturn(callback: () => void): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) callback();
    shownBefore.current = true;
  });
}
