import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { PostSummary } from '../../core/api/posts';
import { formatPublishedAt } from '../../core/time';
import './index.scss';

interface PostCardProps {
  post: PostSummary;
  onOpen: (postId: number) => void;
}

/** Who the post comes from: its source, and the publishing unit when that is someone else. */
function origin(post: PostSummary): string {
  return post.source === post.unitName ? post.source : `${post.source} · ${post.unitName}`;
}

/**
 * One post in the feed. No cover picture: on a weak network the list should be readable before
 * any image arrives.
 */
export function PostCard({ post, onOpen }: PostCardProps) {
  return (
    <View className="ywk-post-card" onClick={() => onOpen(post.id)}>
      <View className="ywk-post-card__title">
        {post.pinned ? (
          <Tag type="primary" className="ywk-post-card__pin">
            置顶
          </Tag>
        ) : null}
        <Text>{post.title}</Text>
      </View>
      {post.summary ? <View className="ywk-post-card__summary">{post.summary}</View> : null}
      <View className="ywk-post-card__meta">
        {post.hasVideo ? (
          <Tag plain type="primary" className="ywk-post-card__video">
            视频
          </Tag>
        ) : null}
        <Text className="ywk-post-card__origin">{origin(post)}</Text>
        <Text>{formatPublishedAt(post.publishedAt)}</Text>
        <Text>阅读 {post.readCount}</Text>
      </View>
    </View>
  );
}
