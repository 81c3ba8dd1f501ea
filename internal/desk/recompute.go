package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// Defaults of RecomputeOptions.
const (
	DefaultRecomputeInterval = 5 * time.Second
	DefaultRecomputeBatch    = 500
	DefaultMaxCompared       = 100
	maxOmitted               = 20 // omitted facts kept per outlet and story
)

// RecomputeOptions configures a Recomputer. The zero value works.
type RecomputeOptions struct {
	// Pipeline analyzes the stored texts again (their tokens are not
	// stored); it should be the one the articles were stored with.
	Pipeline pipeline.Options
	// Compare configures the comparisons.
	Compare compare.Options
	// Interval is how often Run looks for changed stories, so a story is
	// recomputed at most once per Interval however often it changes; 0
	// means DefaultRecomputeInterval.
	Interval time.Duration
	// Batch is how many changed stories one round takes at most; 0 means
	// DefaultRecomputeBatch.
	Batch int
	// MaxCompared caps the members compared per story (its first ones, in
	// member order), since a comparison's cost grows faster than its
	// size; 0 means DefaultMaxCompared. A note in the report says so.
	MaxCompared int
	// Logger receives one line per round that did work, and errors; nil
	// means slog.Default().
	Logger *slog.Logger
	// OnRound, when set, is called after each round with the stories it
	// computed and the stale ones it saw left (for metrics).
	OnRound func(done, left int)
}

// RecomputeStore is what a Recomputer needs of a store.
type RecomputeStore interface {
	Article(ctx context.Context, id int64) (Article, error)
	StoryDetail(ctx context.Context, id string) (StoryDetail, error)
	ComparisonStore
}

// Recomputer keeps the stored comparisons up to date: it finds the
// stories whose comparison is missing or older than the story, compares
// their members with the core library, and stores the result with the
// version it was computed for. `ingest` runs it once at the end; `serve`
// runs it in a loop (Run) beside the ingestion. It is safe for concurrent
// use; rounds do not overlap.
type Recomputer struct {
	store RecomputeStore
	opt   RecomputeOptions
	p     *pipeline.Pipeline
	log   *slog.Logger
	mu    sync.Mutex // one round at a time
	wake  chan struct{}
}

// NewRecomputer returns a Recomputer over store.
func NewRecomputer(store RecomputeStore, opt RecomputeOptions) *Recomputer {
	if opt.Interval <= 0 {
		opt.Interval = DefaultRecomputeInterval
	}
	if opt.Batch <= 0 {
		opt.Batch = DefaultRecomputeBatch
	}
	if opt.MaxCompared <= 0 {
		opt.MaxCompared = DefaultMaxCompared
	}
	log := opt.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Recomputer{store: store, opt: opt, p: pipeline.New(opt.Pipeline), log: log, wake: make(chan struct{}, 1)}
}

// Notify asks Run for a round as soon as Interval has passed since its
// last one, instead of at its next tick (after an ingest run committed);
// it never blocks.
func (r *Recomputer) Notify() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run does a round every Interval until ctx ends, and returns nil then.
// A round's error is logged and the next round goes on.
func (r *Recomputer) Run(ctx context.Context) error {
	t := time.NewTicker(r.opt.Interval)
	defer t.Stop()
	var last time.Time // the last round's start
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-r.wake:
			// Notify: a round now, but not sooner than Interval after
			// the last one (a story is recomputed at most once per
			// Interval however often it changes).
			if wait := r.opt.Interval - time.Since(last); wait > 0 {
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(wait):
				}
			}
		}
		last = time.Now()
		if _, err := r.Round(ctx); err != nil && ctx.Err() == nil {
			r.log.Error("recompute comparisons", "err", err)
		}
	}
}

// All runs rounds until no story is stale, and returns how many it
// computed. The error is the store's or ctx's.
func (r *Recomputer) All(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := r.Round(ctx)
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

// Round computes up to Batch stale stories and returns how many it
// stored. A story that vanished meanwhile (its members moved) is skipped.
func (r *Recomputer) Round(ctx context.Context) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ids, err := r.store.Stale(ctx, r.opt.Batch)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	done := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		c, err := r.compute(ctx, id)
		if err == nil {
			err = r.store.PutComparison(ctx, c)
		}
		if isNotFound(err) {
			continue
		}
		if err != nil {
			return done, err
		}
		done++
	}
	if done > 0 {
		r.log.Info("recomputed comparisons", "stories", done, "took", time.Since(start).Round(time.Millisecond))
	}
	if r.opt.OnRound != nil {
		left := 0
		if len(ids) == r.opt.Batch {
			left = -1 // unknown, more than zero
		}
		r.opt.OnRound(done, left)
	}
	return done, nil
}

// Compute returns the comparison of story id as it is stored now,
// without storing it.
func (r *Recomputer) Compute(ctx context.Context, id string) (Comparison, error) {
	return r.compute(ctx, id)
}

func (r *Recomputer) compute(ctx context.Context, id string) (Comparison, error) {
	st, err := r.store.StoryDetail(ctx, id)
	if err != nil {
		return Comparison{}, err
	}
	members := st.Members
	capped := len(members) > r.opt.MaxCompared
	if capped {
		members = members[:r.opt.MaxCompared]
	}
	docs := make([]news.Document, 0, len(members))
	for _, m := range members {
		a, err := r.store.Article(ctx, m)
		if err != nil {
			return Comparison{}, err
		}
		a.Doc.Article.ID = strconv.FormatInt(a.ID, 10)
		docs = append(docs, r.p.Analyze(a.Doc.Article))
	}
	rep := compare.Compare(docs, r.opt.Compare)
	if capped {
		rep.Notes = append(rep.Notes, fmt.Sprintf("the story has %d articles; its first %d were compared", len(st.Members), r.opt.MaxCompared))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return Comparison{}, fmt.Errorf("story %s: %w", id, err)
	}
	c := Comparison{Story: id, Version: st.Version, Report: bytes.TrimSpace(buf.Bytes()), Title: st.Title, Articles: len(st.Members)}
	for _, m := range st.Timeline {
		if c.Title == "" && m.Title != "" {
			c.Title = m.Title
		}
		if !m.Published.IsZero() {
			if c.First.IsZero() || m.Published.Before(c.First) {
				c.First = m.Published
			}
			if m.Published.After(c.Last) {
				c.Last = m.Published
			}
		}
	}
	c.Outlets = outletParts(st.Timeline, rep)
	return c, nil
}

// outletParts counts each outlet's members and finds the facts other
// outlets report that its articles clearly leave out.
func outletParts(timeline []Member, rep compare.Report) []OutletPart {
	var parts []OutletPart
	index := map[string]int{}
	outletOf := map[string]string{} // report article id -> outlet
	for _, m := range timeline {
		i, ok := index[m.Outlet]
		if !ok {
			i = len(parts)
			index[m.Outlet] = i
			parts = append(parts, OutletPart{Name: m.Outlet})
		}
		parts[i].Articles++
		outletOf[strconv.FormatInt(m.Article, 10)] = m.Outlet
	}
	for _, f := range rep.Facts {
		reporters := map[string]bool{}
		for _, a := range f.Articles {
			reporters[outletOf[a]] = true
		}
		omitters := map[string]bool{}
		for _, a := range f.OmittedBy {
			if o, ok := outletOf[a]; ok && !reporters[o] {
				omitters[o] = true
			}
		}
		for o := range omitters {
			if i := index[o]; len(parts[i].Omitted) < maxOmitted {
				parts[i].Omitted = append(parts[i].Omitted, f.Text)
			}
		}
	}
	return parts
}
