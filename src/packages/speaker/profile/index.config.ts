export default definePageConfig({
  navigationBarTitleText: '宣讲员资料',
});
