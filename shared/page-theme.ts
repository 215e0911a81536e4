/**
 * Whether a page is dark, from its background colour as the browser computes
 * it ("rgb(32, 33, 36)"): the sidebar beside a dark Gmail should be dark too.
 * Null when the colour says nothing (transparent, unreadable).
 */
export function isDarkBackground(cssColor: string): boolean | null {
  const match = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+%?))?\s*\)$/.exec(cssColor.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith("%") ? Number.parseFloat(match[4]) / 100 : Number(match[4]);
  if (alpha < 0.5) return null;
  // Relative luminance (sRGB, WCAG), below the midpoint between black and white text's contrast.
  const channel = (value: string) => {
    const c = Number(value) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(match[1]!) + 0.7152 * channel(match[2]!) + 0.0722 * channel(match[3]!);
  return luminance < 0.18;
}

/** The sidebar's theme: the page's when it has one, else the system's. */
export function sidebarTheme(pageDark: boolean | null, systemDark: boolean): "dark" | "light" {
  return (pageDark ?? systemDark) ? "dark" : "light";
}
