import { Cell } from '@nutui/nutui-react-taro';
import type { Me } from '../../core/api/auth';
import { openSpeakerOffers, openSpeakerProfile, openSpeakerTalks } from '../../services/speaker-navigation';

/** Whether 我的 offers the speaker's pages. It only decides what the app shows; the server checks again. */
export function isSpeaker(user: Me): boolean {
  return user.roles.some((grant) => grant.role === 'speaker');
}

function opening(open: () => Promise<unknown>) {
  return () => {
    open().catch(() => undefined);
  };
}

/** The ways into 接单 for speakers: the offer inbox, their talks and their profile. */
export function SpeakerEntryCells() {
  return (
    <Cell.Group className="ywk-section" title="宣讲员">
      <Cell title="待接的单" description="派给您的点单，按时限答复" clickable onClick={opening(openSpeakerOffers)} />
      <Cell title="我的宣讲" description="已安排和已结束的宣讲，签到二维码" clickable onClick={opening(openSpeakerTalks)} />
      <Cell title="宣讲员资料" description="简介、能讲的主题、空闲时间、暂停接单" clickable onClick={opening(openSpeakerProfile)} />
    </Cell.Group>
  );
}
