export default definePageConfig({
  navigationBarTitleText: '待接的单',
});
