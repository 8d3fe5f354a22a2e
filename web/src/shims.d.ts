declare module 'rtlcss' {
  const rtlcss: { process(css: string, options?: unknown): string };
  export default rtlcss;
}
