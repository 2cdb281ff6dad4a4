import { useState } from 'react';
import { View } from '@tarojs/components';
import { SearchBar, Tabs } from '@nutui/nutui-react-taro';
import { POST_CATEGORIES } from '../../core/catalog';
import { PageShell } from '../../components/page-shell';
import { PostFeed } from '../../components/post-feed';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { FeedCategory } from '../../services/offline-cache';
import type { FeedQuery } from '../../services/reading';
import './index.scss';

/** Long enough for a slow typist to finish a word, short enough to feel immediate. */
const SEARCH_DELAY_MS = 400;
/** The server's limit on a search query. */
const SEARCH_MAX_LENGTH = 50;

function isFeedCategory(value: unknown): value is FeedCategory {
  return value === 'all' || POST_CATEGORIES.some((category) => category.key === value);
}

export default function StudyPage() {
  const [category, setCategory] = useState<FeedCategory>('all');
  const [keyword, setKeyword] = useState('');
  const typed = keyword.trim();
  const settled = useDebouncedValue(typed, SEARCH_DELAY_MS);
  // Clearing the box leaves search at once; typing searches once the words settle.
  const searchText = typed === '' ? '' : settled;
  const query: FeedQuery = searchText ? { kind: 'search', q: searchText } : { kind: 'category', category };

  return (
    <PageShell className="ywk-fill-page">
      <SearchBar
        className="ywk-feed-search"
        shape="round"
        placeholder="搜索文章标题或正文"
        maxLength={SEARCH_MAX_LENGTH}
        value={keyword}
        onChange={setKeyword}
        onClear={() => setKeyword('')}
      />
      {searchText ? (
        <View className="ywk-feed-search-title">“{searchText}”的搜索结果</View>
      ) : (
        <Tabs
          className="ywk-feed-tabs"
          value={category}
          duration={0}
          onChange={(value) => isFeedCategory(value) && setCategory(value)}
        >
          <Tabs.TabPane title="全部" value="all" />
          {POST_CATEGORIES.map((item) => (
            <Tabs.TabPane key={item.key} title={item.label} value={item.key} />
          ))}
        </Tabs>
      )}
      <PostFeed query={query} />
    </PageShell>
  );
}
