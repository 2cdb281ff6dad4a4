import { View } from '@tarojs/components';
import { Step, Steps } from '@nutui/nutui-react-taro';
import type { PostHistoryEntry } from '../../../core/api/posts';
import { REVIEW_STAGE_LABELS } from '../../../core/posts';
import { formatDateTime } from '../../../core/time';
import './review-history.scss';

function whatHappened(entry: PostHistoryEntry): string {
  const stage = entry.stage ? REVIEW_STAGE_LABELS[entry.stage] : '';
  switch (entry.action) {
    case 'created':
      return '创建草稿';
    case 'edited':
      return '修改稿件';
    case 'submitted':
      return '提交审核';
    case 'approved':
      return `${stage}通过`;
    case 'rejected':
      return `${stage}退回修改`;
    case 'published':
      return '发布';
    case 'unpublished':
      return '撤回文章';
    default:
      return entry.action;
  }
}

function EntryDetail({ entry }: { entry: PostHistoryEntry }) {
  const commentLabel = entry.action === 'unpublished' ? '原因' : '意见';
  return (
    <View className="ywk-review-history__detail">
      <View>
        {formatDateTime(entry.at)} · 第 {entry.version} 版
      </View>
      {entry.comment ? (
        <View className="ywk-review-history__comment">
          {commentLabel}：{entry.comment}
        </View>
      ) : null}
    </View>
  );
}

/** 审核记录: who did what to the post, when, and what they said, oldest first. */
export function ReviewHistory({ history }: { history: PostHistoryEntry[] }) {
  if (history.length === 0) return <View className="ywk-hint">暂无记录</View>;
  return (
    <Steps className="ywk-review-history" direction="vertical" type="dot" value={history.length}>
      {history.map((entry, index) => (
        <Step
          key={`${entry.at}-${entry.action}-${index}`}
          value={index + 1}
          title={`${entry.actorName} ${whatHappened(entry)}`}
          description={<EntryDetail entry={entry} />}
        />
      ))}
    </Steps>
  );
}
