import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { ReadProgress } from '../core/api/posts';
import { MAX_CREDIT_PER_REPORT_SECONDS, READ_HEARTBEAT_SECONDS } from '../core/study';
import { postsApi } from '../services/api';
import { newNonce } from '../services/nonce';

/**
 * 学习记录: while a post is on screen, reports the time read every READ_HEARTBEAT_SECONDS, and
 * once more when the page is hidden or closed; nothing while it is hidden. Pass null as `postId`
 * when nothing should be reported (signed out, post not loaded). Returns the reader's progress,
 * first as loaded on opening, then the server's answer to the latest report: seconds credited,
 * whether the post counts as studied, and the points it earned.
 */
export function useReadReporting(postId: number | null): ReadProgress | null {
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [shown, setShown] = useState(true);
  const reportingFor = useRef<number | null>(null);
  // When the reading not yet reported began; null while nothing is being counted.
  const since = useRef<number | null>(null);
  // Seconds whose report was lost (weak network), sent with the next one. The server credits no
  // more than the time since its last report anyway, so this cannot inflate anything.
  const carried = useRef(0);

  const report = useCallback(() => {
    const id = reportingFor.current;
    if (id === null || since.current === null) return;
    const wholeSeconds = Math.floor((Date.now() - since.current) / 1000);
    since.current += wholeSeconds * 1000;
    const seconds = Math.min(MAX_CREDIT_PER_REPORT_SECONDS, wholeSeconds + carried.current);
    if (seconds <= 0) return;
    carried.current = 0;
    // A fresh nonce per report: each one is new reading time, not a retry of an earlier report.
    postsApi.reportRead(id, { seconds, nonce: newNonce() }).then(
      (answer) => {
        if (reportingFor.current === id) setProgress(answer);
      },
      () => {
        carried.current = Math.min(MAX_CREDIT_PER_REPORT_SECONDS, carried.current + seconds);
      },
    );
  }, []);

  // What was read before, shown on opening the post; any report's answer is newer and wins.
  useEffect(() => {
    if (postId === null) return undefined;
    let current = true;
    postsApi.readProgress(postId).then(
      (earlier) => {
        if (current) setProgress((shownProgress) => shownProgress ?? earlier);
      },
      // Without it the page still counts reading; the first report's answer shows the progress.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [postId]);

  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));

  useEffect(() => {
    if (postId === null || !shown) return undefined;
    reportingFor.current = postId;
    since.current = Date.now();
    const heartbeat = setInterval(report, READ_HEARTBEAT_SECONDS * 1000);
    return () => {
      clearInterval(heartbeat);
      report();
      since.current = null;
    };
  }, [postId, shown, report]);

  return progress;
}
