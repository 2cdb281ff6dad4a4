import { useEffect, useRef } from 'react';
import { act } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';

/**
 * What the Taro page runtime gives a mounted page, for pages rendered alone in jsdom: the route's
 * parameters, page lifecycle hooks (shown, hidden, share) that a test fires, and a page element
 * for selector queries. In an h5 build the framework plugin installs the real hooks at startup;
 * here they would not exist at all.
 */

type Handler = (...args: unknown[]) => unknown;
type Lifecycle = 'show' | 'hide' | 'shareAppMessage' | 'shareTimeline';

const PAGE_ELEMENT_ID = 'ywk-test-page';
const handlers: Record<Lifecycle, Set<Handler>> = {
  show: new Set(),
  hide: new Set(),
  shareAppMessage: new Set(),
  shareTimeline: new Set(),
};
let routeParams: Record<string, string> = {};

function lifecycleHook(lifecycle: Lifecycle) {
  return function useLifecycle(handler: Handler) {
    const latest = useRef(handler);
    latest.current = handler;
    useEffect(() => {
      const call: Handler = (...args) => latest.current(...args);
      handlers[lifecycle].add(call);
      return () => {
        handlers[lifecycle].delete(call);
      };
    }, []);
  };
}

function fire(lifecycle: Lifecycle, ...args: unknown[]): unknown[] {
  let results: unknown[] = [];
  act(() => {
    results = [...handlers[lifecycle]].map((handler) => handler(...args));
  });
  return results;
}

export function installPageRuntime(): void {
  // NutUI's Tabs and InfiniteLoading measure themselves with selector queries, which search the
  // current page's element, found by the page's path.
  document.body.id = PAGE_ELEMENT_ID;
  Current.page = { path: PAGE_ELEMENT_ID } as unknown as typeof Current.page;
  Object.assign(Taro, {
    useDidShow: lifecycleHook('show'),
    useDidHide: lifecycleHook('hide'),
    useShareAppMessage: lifecycleHook('shareAppMessage'),
    useShareTimeline: lifecycleHook('shareTimeline'),
    useRouter: () => ({ params: routeParams, path: '' }),
  });
}

/** The page under test, as the mini-program runtime would drive it. */
export const currentPage = {
  /** The route's query, e.g. `{ id: '12' }`; set before rendering the page. */
  openWith(params: Record<string, string>): void {
    routeParams = params;
  },
  hide(): void {
    fire('hide');
  },
  show(): void {
    fire('show');
  },
  /** What the page answers when the reader shares it to a friend. */
  shareToFriend(): unknown {
    return fire('shareAppMessage', { from: 'menu' })[0];
  },
  /** What the page answers when the reader shares it to 朋友圈. */
  shareToTimeline(): unknown {
    return fire('shareTimeline')[0];
  },
  reset(): void {
    routeParams = {};
  },
};
