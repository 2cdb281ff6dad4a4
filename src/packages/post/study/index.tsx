import { View } from '@tarojs/components';
import { Cell, Toast } from '@nutui/nutui-react-taro';
import { Articles } from '@nutui/icons-react-taro';
import type { StudyRecord } from '../../../core/api/posts';
import { POST_CATEGORIES } from '../../../core/catalog';
import { DAILY_POINTS_CAP } from '../../../core/study';
import { formatDateTime } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { PageShell } from '../../../components/page-shell';
import { PagedListView } from '../../../components/paged-list-view';
import { SignedIn } from '../../../components/signed-in';
import { StudyTotals } from '../../../components/study-totals';
import { formatStudyTime } from '../../../components/study-totals/format';
import { usePagedList } from '../../../hooks/use-paged-list';
import { studyApi } from '../../../services/api';
import { openPostDetail } from '../../../services/navigation';
import './index.scss';

type StudiedPost = StudyRecord['items'][number];

function categoryLabel(key: StudiedPost['category']): string {
  return POST_CATEGORIES.find((category) => category.key === key)?.label ?? '';
}

function loadRecordPage(cursor?: string): Promise<StudyRecord> {
  return studyApi.record({ cursor, limit: 20 });
}

function StudiedPostCell({ studied }: { studied: StudiedPost }) {
  return (
    <Cell
      className="ywk-studied-post"
      title={studied.title}
      description={`${categoryLabel(studied.category)} · ${formatDateTime(studied.studiedAt)} 完成学习`}
      extra={
        <View className="ywk-studied-post__extra">
          <View>学习 {formatStudyTime(studied.seconds)}</View>
          {studied.points > 0 ? <View className="ywk-studied-post__points">+{studied.points} 积分</View> : null}
        </View>
      }
      clickable
      onClick={() => openPostDetail(studied.postId).catch(() => undefined)}
    />
  );
}

const TOAST_ID = 'study-record-toast';

function StudyRecordList() {
  const paged = usePagedList<StudiedPost, StudyRecord>(loadRecordPage, 'study-record');
  const { list } = paged;
  return (
    <>
      {list.status === 'ready' ? <StudyTotals totals={list.first} /> : null}
      <PagedListView
        paged={paged}
        toastId={TOAST_ID}
        empty={
          <EmptyState
            icon={<Articles />}
            title="还没有学完的文章"
            description={`在“微课堂”里打开文章，阅读一会儿就计入学习记录，每天最多得 ${list.status === 'ready' ? list.first.dailyCap : DAILY_POINTS_CAP} 积分。`}
          />
        }
        endText="没有更多学习记录了"
      >
        {(items) => (
          <Cell.Group className="ywk-section">
            {items.map((studied) => (
              <StudiedPostCell key={studied.postId} studied={studied} />
            ))}
          </Cell.Group>
        )}
      </PagedListView>
    </>
  );
}

export default function StudyRecordPage() {
  return (
    <PageShell className="ywk-fill-page">
      <SignedIn>{() => <StudyRecordList />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
