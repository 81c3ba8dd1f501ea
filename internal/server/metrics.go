package server

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics are the desk's Prometheus metrics, in a registry of their own.
// The server observes request latency; the ingest side (desk, feeds) sets
// the others.
type Metrics struct {
	Registry *prometheus.Registry
	// Requests observes each request's latency by route pattern, method
	// and status code.
	Requests *prometheus.HistogramVec
	// ArticlesIngested counts the articles stored new.
	ArticlesIngested prometheus.Counter
	// Duplicates counts the input articles found stored already.
	Duplicates prometheus.Counter
	// QueueDepth is the number of articles read but not yet clustered and
	// stored.
	QueueDepth prometheus.Gauge
	// ClusteringLag is the seconds from an article being read to its
	// assignment being committed, for the last batch.
	ClusteringLag prometheus.Gauge
	// FetchErrors counts failed fetches by host.
	FetchErrors *prometheus.CounterVec
	// ComparisonsComputed counts the comparisons recomputed and stored.
	ComparisonsComputed prometheus.Counter
	// ComparisonsStale is 1 while the last recompute round left stale
	// stories behind (it took a full batch), else 0.
	ComparisonsStale prometheus.Gauge
}

// NewMetrics returns the metrics registered in a new registry, with the
// Go runtime and process collectors.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		Requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parallax_http_request_duration_seconds", Help: "HTTP request latency by route pattern, method and status code.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method", "code"}),
		ArticlesIngested:    prometheus.NewCounter(prometheus.CounterOpts{Name: "parallax_articles_ingested_total", Help: "Articles stored new."}),
		Duplicates:          prometheus.NewCounter(prometheus.CounterOpts{Name: "parallax_articles_duplicate_total", Help: "Input articles already stored."}),
		QueueDepth:          prometheus.NewGauge(prometheus.GaugeOpts{Name: "parallax_queue_depth", Help: "Articles read but not yet clustered and stored."}),
		ClusteringLag:       prometheus.NewGauge(prometheus.GaugeOpts{Name: "parallax_clustering_lag_seconds", Help: "Seconds from reading an article to committing its assignment, last batch."}),
		FetchErrors:         prometheus.NewCounterVec(prometheus.CounterOpts{Name: "parallax_fetch_errors_total", Help: "Failed fetches by host."}, []string{"host"}),
		ComparisonsComputed: prometheus.NewCounter(prometheus.CounterOpts{Name: "parallax_comparisons_computed_total", Help: "Story comparisons recomputed and stored."}),
		ComparisonsStale:    prometheus.NewGauge(prometheus.GaugeOpts{Name: "parallax_comparisons_stale", Help: "1 while stale stories are waiting for their comparison."}),
	}
	m.Registry.MustRegister(m.Requests, m.ArticlesIngested, m.Duplicates, m.QueueDepth, m.ClusteringLag,
		m.FetchErrors, m.ComparisonsComputed, m.ComparisonsStale,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
