import { useCallback, useRef } from 'react';
import { Toast } from '@nutui/nutui-react-taro';
import type { CommunityList, SpeakerProfile, Topic } from '../../../core/api/booking';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { useRemote } from '../../../hooks/use-remote';
import { bookingApi, speakerApi } from '../../../services/api';
import { SpeakerLoadFailure } from '../shared/load-failure';
import { PROFILE_TOAST_ID, ProfileForm } from './profile-form';
import './index.scss';

interface ProfileChoices {
  profile: SpeakerProfile;
  topics: Topic[];
  communities: CommunityList['communities'];
}

async function loadProfileChoices(): Promise<ProfileChoices> {
  const [profile, menu, places] = await Promise.all([speakerApi.profile(), bookingApi.topics(), bookingApi.communities()]);
  return { profile, topics: menu.topics, communities: places.communities };
}

function ProfileContent() {
  const [choices, reload] = useRemote(loadProfileChoices);
  const editing = useRef(false);
  const setEditing = useCallback((dirty: boolean) => {
    editing.current = dirty;
  }, []);
  // Staff may have approved the speaker or changed the menu meanwhile; unsaved edits win over that.
  useOnReturn(() => {
    if (!editing.current) reload();
  });
  if (choices.status === 'loading') return <ListSkeleton cards={3} />;
  if (choices.status === 'error') return <SpeakerLoadFailure error={choices.error} onRetry={reload} />;
  const { profile, topics, communities } = choices.data;
  return <ProfileForm profile={profile} topics={topics} communities={communities} onDirtyChange={setEditing} />;
}

export default function SpeakerProfilePage() {
  return (
    <PageShell>
      <SignedIn>{() => <ProfileContent />}</SignedIn>
      <Toast id={PROFILE_TOAST_ID} />
    </PageShell>
  );
}
