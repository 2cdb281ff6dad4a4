import type { ReactNode } from 'react';
import type { Session } from '../../core/api/auth';
import { useAccountSignIn } from '../../hooks/use-account-sign-in';
import { useSession } from '../../hooks/use-session';
import { LoadingState } from '../loading-state';
import { SignedOutPrompt } from '../signed-out-prompt';

/**
 * A page's content for someone signed in. Mounting it starts the silent WeChat sign-in, so a page
 * that can tell early there is nothing to show (a bad link) renders this only once that is ruled out.
 */
export function SignedIn({ children }: { children: (session: Session) => ReactNode }) {
  const session = useSession();
  const { signIn, signingIn, failure } = useAccountSignIn();
  if (session) return <>{children(session)}</>;
  if (signingIn) return <LoadingState text="正在登录…" />;
  return <SignedOutPrompt onSignIn={signIn} failure={failure} />;
}
