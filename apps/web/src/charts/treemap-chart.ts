// ECharts, tree-shaken: only the treemap, its tooltip and the canvas renderer go into this chunk.
import { TreemapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([TreemapChart, TooltipComponent, CanvasRenderer]);

export { init };
