import { describe, expect, it } from "vitest";
import { isDarkBackground, sidebarTheme } from "../../shared/page-theme.ts";

describe("page theme", () => {
  it("reads a page's computed background", () => {
    expect(isDarkBackground("rgb(32, 33, 36)")).toBe(true); // Gmail's dark theme
    expect(isDarkBackground("rgb(255, 255, 255)")).toBe(false);
    expect(isDarkBackground("rgba(0, 0, 0, 0)")).toBeNull();
    expect(isDarkBackground("transparent")).toBeNull();
  });

  it("follows the page, and the system when the page says nothing", () => {
    expect(sidebarTheme(true, false)).toBe("dark");
    expect(sidebarTheme(false, true)).toBe("light");
    expect(sidebarTheme(null, true)).toBe("dark");
    expect(sidebarTheme(null, false)).toBe("light");
  });
});
