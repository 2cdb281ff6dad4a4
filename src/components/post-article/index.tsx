import { Image, RichText, Text, Video, View } from '@tarojs/components';
import type { PostDetail } from '../../core/api/posts';
import { formatPublishedAt } from '../../core/time';
import { fitImagesToScreen } from './fit-images';
import './index.scss';

/** Staff preview a post before it has a publication time. */
type ArticlePost = Omit<PostDetail, 'publishedAt'> & { publishedAt: string | null };

/** A post as residents read it: title, who it is from, when, cover, video and body. */
export function PostArticle({ post }: { post: ArticlePost }) {
  return (
    <View className="ywk-post-article">
      <View className="ywk-post-article__title">{post.title}</View>
      <View className="ywk-post-article__meta">
        <Text>来源：{post.source}</Text>
        <Text>发布单位：{post.unitName}</Text>
        <Text>作者：{post.authorName}</Text>
        <Text>{post.publishedAt ? formatPublishedAt(post.publishedAt) : '尚未发布'}</Text>
      </View>
      {post.coverUrl ? (
        <Image className="ywk-post-article__cover" src={post.coverUrl} mode="widthFix" lazyLoad />
      ) : null}
      {post.videoUrl ? (
        <Video
          className="ywk-post-article__video"
          src={post.videoUrl}
          poster={post.coverUrl ?? undefined}
          controls
          showFullscreenBtn
        />
      ) : null}
      <RichText className="ywk-post-article__body" nodes={fitImagesToScreen(post.bodyHtml)} />
    </View>
  );
}
