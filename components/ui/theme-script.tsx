/**
 * Sets the `dark` class before the page paints, from the saved choice or the
 * system preference, so there is no flash of the wrong theme. Inline, so it
 * carries the request's CSP nonce.
 */
const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("bosun-theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
