export default definePageConfig({
  navigationBarTitleText: '稿件与审核',
});
