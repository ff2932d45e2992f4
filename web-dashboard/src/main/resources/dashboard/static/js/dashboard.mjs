// Progressive enhancement only: every page works without it.
import { initAll } from '/govuk/govuk-frontend.min.js'

initAll()

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

// Charts: a canvas with data-chart holds a Chart.js configuration (the figures are also in a table).
function drawCharts (root) {
  if (!window.Chart) return
  root.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    const config = JSON.parse(canvas.dataset.chart)
    const dayAxis = config.maapDayAxis
    delete config.maapDayAxis
    config.options = config.options || {}
    config.options.animation = false
    if (dayAxis) {
      const axis = config.options.scales[dayAxis]
      axis.ticks = { callback: (value) => dayFormat.format(new Date(value * 86400000)) }
      config.options.plugins = {
        tooltip: { callbacks: { label: (ctx) => ctx.dataset.label + ': ' + ctx.raw.map((d) => dayFormat.format(new Date(d * 86400000))).join(' to ') } }
      }
    }
    const existing = window.Chart.getChart(canvas)
    if (existing) existing.destroy()
    // eslint-disable-next-line no-new
    new window.Chart(canvas, config)
  })
}
drawCharts(document)

// Live regions: an element with data-live-url is replaced by a fresh copy of itself every refresh.
document.querySelectorAll('[data-live-url]').forEach((region) => {
  const every = Number(region.dataset.liveEvery || 10000)
  const status = document.getElementById(region.dataset.liveStatus)
  const refresh = async () => {
    try {
      const response = await fetch(region.dataset.liveUrl, { headers: { Accept: 'text/html' } })
      if (!response.ok) throw new Error(response.status)
      const fresh = document.createElement('div')
      fresh.innerHTML = await response.text()
      const replacement = fresh.querySelector('#' + region.id)
      if (replacement) region.innerHTML = replacement.innerHTML
      if (status) status.textContent = 'Updated at ' + new Date().toLocaleTimeString('en-GB')
    } catch (e) {
      if (status) status.textContent = 'Could not refresh; showing the list as last loaded'
    }
  }
  setInterval(refresh, every)
})

// Rebuild progress: polls the progress and moves the bar.
const rebuild = document.getElementById('rebuild-progress')
if (rebuild) {
  const bar = document.getElementById('rebuild-bar')
  const text = document.getElementById('rebuild-text')
  const state = document.getElementById('rebuild-state')
  const poll = async () => {
    try {
      const response = await fetch(rebuild.dataset.progressUrl, { headers: { Accept: 'application/json' } })
      const p = await response.json()
      bar.value = p.percent
      bar.textContent = p.percent + '%'
      text.textContent = p.percent + '% (' + p.eventsDone + ' of ' + p.eventsTotal + ' events' +
        (p.secondsLeft != null ? ', about ' + p.secondsLeft + ' seconds left' : '') + ')'
      state.textContent = p.state.charAt(0) + p.state.slice(1).toLowerCase()
    } catch (e) {
      text.textContent = 'Could not read the progress'
    }
  }
  setInterval(poll, Number(rebuild.dataset.liveEvery || 2000))
}
