import { Cell, Toast } from '@nutui/nutui-react-taro';
import type { Me } from '../../core/api/auth';
import { DispatchEntryCell } from '../../components/dispatch-entry-cell';
import { ElderModeCell } from '../../components/elder-mode-cell';
import { ErrorState } from '../../components/error-state';
import { LedgerEntryCell } from '../../components/ledger-entry-cell';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { ProfileCard } from '../../components/profile-card';
import { SignOutButton } from '../../components/sign-out-button';
import { SpeakerEntryCells, isSpeaker } from '../../components/speaker-entry-cells';
import { SignedIn } from '../../components/signed-in';
import { StaffEntryCell } from '../../components/staff-entry-cell';
import { StudySummaryCell } from '../../components/study-summary-cell';
import { useRemote } from '../../hooks/use-remote';
import { refreshSignedInUser } from '../../services/auth';
import { isDispatcher, runsLedger, worksOnPosts } from '../../services/staff-access';

const TOAST_ID = 'mine-toast';

function Account({ user }: { user: Me }) {
  const [latest, reload] = useRemote(refreshSignedInUser, user.id);

  if (latest.status === 'loading') return <LoadingState />;
  if (latest.status === 'error') return <ErrorState error={latest.error} onRetry={reload} />;
  return (
    <>
      <ProfileCard user={user} />
      <Cell.Group className="ywk-section">
        <StudySummaryCell />
        {worksOnPosts(user) ? <StaffEntryCell /> : null}
        {isDispatcher(user) ? <DispatchEntryCell /> : null}
        {runsLedger(user) ? <LedgerEntryCell /> : null}
      </Cell.Group>
      {isSpeaker(user) ? <SpeakerEntryCells /> : null}
      <Cell.Group className="ywk-section" divider={false}>
        <ElderModeCell enabled={user.elderMode} toastId={TOAST_ID} />
      </Cell.Group>
      <SignOutButton />
    </>
  );
}

export default function MinePage() {
  return (
    <PageShell>
      <SignedIn>{(session) => <Account user={session.user} />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
