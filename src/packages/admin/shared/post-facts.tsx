import { Text, View } from '@tarojs/components';
import { NoticeBar } from '@nutui/nutui-react-taro';
import type { StaffPost } from '../../../core/api/posts';
import { formatDateTime } from '../../../core/time';
import { scheduledFor } from './schedule';
import { PostStatusTag } from './status-tag';
import './post-facts.scss';

/** When residents see (or saw) the post: its publication time once out, else its schedule. */
function publicationLine(post: StaffPost): string | null {
  if (post.status === 'published' && post.publishedAt) {
    const scheduled = scheduledFor(post.publishedAt);
    return scheduled ? `定时发布：${scheduled}，到时居民可见` : `发布时间：${formatDateTime(post.publishedAt)}`;
  }
  const scheduled = scheduledFor(post.publishAt);
  return scheduled ? `定时发布：${scheduled}` : null;
}

/** Where the post stands: status, version, unit and author, when residents see it, why it was withdrawn. */
export function PostFacts({ post }: { post: StaffPost }) {
  const publication = publicationLine(post);
  return (
    <View className="ywk-review-facts">
      <View className="ywk-review-facts__line">
        <PostStatusTag status={post.status} />
        <Text>
          第 {post.version} 版 · {post.unitName} · 作者 {post.authorName}
        </Text>
      </View>
      {publication ? <View className="ywk-review-facts__line">{publication}</View> : null}
      {post.status === 'unpublished' && post.unpublishedReason ? (
        <NoticeBar content={`撤回原因：${post.unpublishedReason}`} wrap scrollable={false} />
      ) : null}
    </View>
  );
}

