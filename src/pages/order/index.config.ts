export default definePageConfig({
  navigationBarTitleText: '百姓点单',
});
