import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { Sparkline } from "../../extension/pages/Sparkline.tsx";

// A trend whose first days were computed afterwards (an import's backfill)
// says so: those days are drawn dashed and the label counts them.

let host: HTMLElement;
function show(points: (number | null)[], backfilled?: boolean[]): SVGElement {
  host = document.createElement("div");
  document.body.append(host);
  render(<Sparkline points={points} backfilled={backfilled} label="Acme health trend" />, host);
  return host.querySelector("svg")!;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

describe("a health sparkline", () => {
  it("draws backfilled days dashed, joined to the live days, and says how many there are", () => {
    const svg = show([40, 45, 50, 60, 62], [true, true, true, false, false]);
    expect(svg.getAttribute("aria-label")).toBe("Acme health trend: from 40 to 62; the first 3 days are backfilled");
    expect(svg.querySelector("title")!.textContent).toContain("The first 3 days are backfilled");
    const [early, live] = [...svg.querySelectorAll("path")];
    expect(early!.getAttribute("class")).toBe("backfilled");
    expect(early!.getAttribute("stroke-dasharray")).toBe("3 2");
    expect(early!.getAttribute("d")!.split(" ")).toHaveLength(4); // three backfilled days and the first live one
    expect(live!.getAttribute("d")!.split(" ")).toHaveLength(2);
  });

  it("is one solid line when no day is backfilled", () => {
    const svg = show([40, 45, 50], [false, false, false]);
    expect(svg.getAttribute("aria-label")).toBe("Acme health trend: from 40 to 50");
    expect(svg.querySelectorAll("path")).toHaveLength(1);
    expect(svg.querySelector("path.backfilled")).toBeNull();
    expect(svg.querySelector("title")).toBeNull();
  });
});
