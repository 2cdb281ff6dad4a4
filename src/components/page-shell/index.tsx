import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useSession } from '../../hooks/use-session';
import { systemFontTier } from '../../services/system-font';

interface PageShellProps {
  children: ReactNode;
  className?: string;
}

/** 长辈模式 starts at the large tier; a larger WeChat font setting still wins. */
const ELDER_FONT_TIER = 2;

/**
 * The root of every page. It carries the theme classes, because a mini-program has no shared
 * root element to put them on: text size follows 长辈模式 and WeChat's font setting.
 */
export function PageShell({ children, className }: PageShellProps) {
  const session = useSession();
  const elderMode = session?.user.elderMode ?? false;
  const fontTier = elderMode ? Math.max(ELDER_FONT_TIER, systemFontTier()) : systemFontTier();
  const classes = ['ywk-page', `ywk-font-${fontTier}`, elderMode ? 'ywk-elder' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <View className={classes}>{children}</View>;
}
