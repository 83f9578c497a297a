import { useId, useMemo, type CSSProperties } from "react";
import { composeArt, describeArt, type ArtLayer, type ArtSetting } from "@/lib/pixel-art/compose";
import { ART_HEIGHT, ART_WIDTH, toPath } from "@/lib/pixel-art/shapes";

const MOTION_CLASS = { fall: "art-fall", rise: "art-rise", bolt: "art-bolt", flash: "art-sky-flash" } as const;

function Layer({ layer }: { layer: ArtLayer }) {
  const d = toPath(layer.rects);
  const { motion } = layer;
  if (!motion) return <path d={d} fill={layer.fill} opacity={layer.opacity} />;
  if (motion.kind === "bolt" || motion.kind === "flash") {
    return <path d={d} fill={layer.fill} opacity={layer.opacity} className={MOTION_CLASS[motion.kind]} />;
  }
  // Two copies one screen apart: translating by a full screen height loops seamlessly.
  const offset = motion.kind === "fall" ? -ART_HEIGHT : ART_HEIGHT;
  return (
    <g className={MOTION_CLASS[motion.kind]} style={{ "--art-duration": `${motion.seconds}s` } as CSSProperties}>
      <path d={d} fill={layer.fill} opacity={layer.opacity} />
      <path d={d} fill={layer.fill} opacity={layer.opacity} transform={`translate(0 ${offset})`} />
    </g>
  );
}

/**
 * Procedural pixel backdrop for a scene (until painted art exists): sky by time of day,
 * a silhouette keyed to the location, and a weather overlay. Same inputs, same picture.
 */
export function SceneArt({ scene, className }: { scene: ArtSetting; className?: string }) {
  const { location, time_of_day, weather } = scene;
  const plan = useMemo(() => composeArt({ location, time_of_day, weather }), [location, time_of_day, weather]);
  const ditherId = useId();

  return (
    <svg
      className={["scene-art", className].filter(Boolean).join(" ")}
      viewBox={`0 0 ${ART_WIDTH} ${ART_HEIGHT}`}
      shapeRendering="crispEdges"
      preserveAspectRatio="xMidYMid slice"
      role="img"
      aria-label={describeArt(scene)}
      data-testid="scene-art"
      data-weather={weather}
      data-time={time_of_day}
    >
      <defs>
        {plan.sky.map(({ colour }, i) => (
          <pattern key={i} id={`${ditherId}-${i}`} width="2" height="2" patternUnits="userSpaceOnUse">
            <rect width="1" height="1" fill={colour} />
            <rect x="1" y="1" width="1" height="1" fill={colour} />
          </pattern>
        ))}
      </defs>
      {plan.sky.map(({ top, height, colour }, i) => (
        <rect key={i} x="0" y={top} width={ART_WIDTH} height={height} fill={colour} />
      ))}
      {/* A checkerboard row of the next band's colour softens each band edge, 16-bit style. */}
      {plan.sky.slice(1).map(({ top }, i) => (
        <rect key={i} x="0" y={top - 2} width={ART_WIDTH} height="2" fill={`url(#${ditherId}-${i + 1})`} />
      ))}
      {plan.layers.map((layer, i) => (
        <Layer key={i} layer={layer} />
      ))}
    </svg>
  );
}
