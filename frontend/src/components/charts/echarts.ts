import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import VChart from 'vue-echarts'

/**
 * ECharts for the SPA: only the pieces the pages draw are registered (bar, line and pie charts on a canvas, with
 * grid, legend and tooltip), so the bundle carries nothing else. Pages import VChart from here, never from
 * 'vue-echarts' directly; option builders use the ChartOption type of ./chart-option (types only).
 */
use([CanvasRenderer, BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent])

export { VChart }
