// The charts' colours, as CSS variables set per colour scheme on the figure that holds a chart and its legend:
// a darker shade on light backgrounds and a lighter one on dark ones, each at least 3:1 against the card, and
// neighbours apart in hue and lightness. Tailwind finds the class names here, so they are written out whole.
export const CHART_PALETTE_CLASSES = [
  "[--chart-0:#0284c7] dark:[--chart-0:#38bdf8]", // sky
  "[--chart-1:#d97706] dark:[--chart-1:#fbbf24]", // amber
  "[--chart-2:#059669] dark:[--chart-2:#34d399]", // emerald
  "[--chart-3:#7c3aed] dark:[--chart-3:#a78bfa]", // violet
  "[--chart-4:#e11d48] dark:[--chart-4:#fb7185]", // rose
  "[--chart-5:#115e59] dark:[--chart-5:#99f6e4]", // deep teal / pale teal
  "[--chart-other:#71717a] dark:[--chart-other:#a1a1aa]", // zinc, for "other"
].join(" ");

/** The colour of the n-th series (or of "other"). */
export const chartColor = (index: number | "other") => `var(--chart-${index})`;
