export default definePageConfig({
  navigationBarTitleText: '云上微课堂',
});
