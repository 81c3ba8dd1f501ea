package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// DefaultBatch is how many input articles one transaction holds.
const DefaultBatch = 2000

// DefaultStateEvery is how many articles are clustered between two saves
// of the clusterer's state. A save writes the whole active state (tens of
// megabytes on a large stream), so saving it with every batch cost more
// than storing the articles; a run that stops re-clusters about this many
// stored articles at most when it starts again.
const DefaultStateEvery = 20000

// Options configures a Desk. The zero value works.
type Options struct {
	// Pipeline configures reading, cleaning and analysis.
	Pipeline pipeline.Options
	// Stories configures clustering. Its OnAssign and Cluster.OnClose are
	// the desk's own and are replaced; Cluster.Explain is always on, so
	// every assignment is stored with its explanation. The options must
	// stay the same from one run to the next over one store for the
	// stories to come out as one run's would.
	Stories pipeline.StoryOptions
	// Batch is how many input articles are committed in one transaction;
	// 0 means DefaultBatch.
	Batch int
	// StateEvery is how many articles are clustered (new ones, and those
	// a stopped run left) between two commits that save the clusterer's
	// state with the assignments and stories made since the last one: the
	// first commit after that many saves them. 0 means DefaultStateEvery.
	// The commits between store articles only.
	StateEvery int
	// OnDocument is called after each input document is stored or found
	// to be stored already (progress).
	OnDocument func()
}

// Desk ingests articles into a Store and clusters them into stories.
type Desk struct {
	store Store
	opt   Options
	p     *pipeline.Pipeline
}

// New returns a desk over store with options opt.
func New(store Store, opt Options) *Desk {
	if opt.Batch <= 0 {
		opt.Batch = DefaultBatch
	}
	if opt.StateEvery <= 0 {
		opt.StateEvery = DefaultStateEvery
	}
	return &Desk{store: store, opt: opt, p: pipeline.New(opt.Pipeline)}
}

// Pipeline returns the desk's pipeline, whose Err and Problems count the
// input items it could not use.
func (d *Desk) Pipeline() *pipeline.Pipeline { return d.p }

// Summary counts what one Ingest did.
type Summary struct {
	Read       int // documents read from the inputs
	Stored     int // of those, stored new
	Duplicates int // of those, already stored (same canonical URL or text)
	Resumed    int // articles a stopped run had stored but not clustered, clustered now
	Stories    int // stories in the store at the end
}

// Ingest reads paths through the pipeline, stores each document, and
// clusters the new ones one at a time, going on from the clusterer state
// the store holds. Every Options.Batch documents it commits the articles
// stored; once Options.StateEvery articles were clustered since the last
// save, that commit also holds the assignments and stories the clusterer
// made since, and its state. At the end it assigns the articles still in the reorder
// buffer and commits those too, leaving the stories open for the next run.
//
// So the saved state always goes with exactly the assignments committed:
// an article is assigned in the store if and only if the saved state holds
// it. A run stopped before the end (ctx, a crash) keeps every committed
// article, and the next run first clusters the articles stored but not
// assigned, in the order they were stored, which is the order the stopped
// run had pushed them in; then it reads the inputs again, finding stored
// what was. The error is the first of the store's, the pipeline's reading,
// or ctx's; bad input items are not errors (see Pipeline).
//
// Analysis and feature extraction run on every core; clustering runs on a
// goroutine of its own, beside the one that writes to the store.
func (d *Desk) Ingest(ctx context.Context, paths []string) (Summary, error) {
	return d.ingest(ctx, func(fn func(news.Document) prepared, emit func(prepared) error) error {
		return pipeline.Map(ctx, d.p, paths, fn, emit)
	})
}

// source hands an ingest run its documents: fn applied to each on every
// core, the results to emit in input order (pipeline.Map's shape).
type source func(fn func(news.Document) prepared, emit func(prepared) error) error

// ingest is one ingest run over the documents of src: Ingest's over
// paths, Run's over a channel.
func (d *Desk) ingest(ctx context.Context, src source) (Summary, error) {
	var sum Summary
	in := &ingestRun{d: d, ctx: ctx}
	if err := in.start(); err != nil {
		return sum, err
	}
	defer in.stop()
	pending, err := d.store.Unassigned(ctx)
	if err != nil {
		return sum, err
	}
	// The stored articles' tokens are not stored: analyze them again.
	next := func() (Article, bool) {
		if len(pending) == 0 {
			return Article{}, false
		}
		a := pending[0]
		pending[0] = Article{}
		pending = pending[1:]
		return a, true
	}
	err = pipe.Map(ctx, d.opt.Pipeline.Workers, next, func(a Article) *cluster.Features {
		f := cluster.Extract(d.p.Analyze(a.Doc.Article))
		f.ID = strconv.FormatInt(a.ID, 10)
		return f
	}, func(f *cluster.Features) error {
		sum.Resumed++
		return in.push(f)
	})
	if err != nil {
		return sum, err
	}
	n := 0
	err = src(func(doc news.Document) prepared {
		return prepared{doc, cluster.Extract(doc)}
	}, func(p prepared) error {
		id, inserted, err := in.tx.PutArticle(p.doc)
		if err != nil {
			return err
		}
		sum.Read++
		if inserted {
			sum.Stored++
			p.f.ID = strconv.FormatInt(id, 10)
			if err := in.push(p.f); err != nil {
				return err
			}
		} else {
			sum.Duplicates++
		}
		if d.opt.OnDocument != nil {
			d.opt.OnDocument()
		}
		if n++; n%d.opt.Batch == 0 {
			return in.commit(in.pushed >= d.opt.StateEvery, false)
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	if err := in.commit(true, true); err != nil {
		return sum, err
	}
	sum.Stories, err = countStories(ctx, d.store)
	return sum, err
}

// StoryCounter is a Store that counts its stories without reading them:
// Ingest's summary uses it when the store has it, instead of holding every
// story and its members in memory for their number.
type StoryCounter interface {
	// StoryCount returns how many stories Stories would return.
	StoryCount(ctx context.Context) (int, error)
}

func countStories(ctx context.Context, s Store) (int, error) {
	if c, ok := s.(StoryCounter); ok {
		return c.StoryCount(ctx)
	}
	stories, err := s.Stories(ctx)
	return len(stories), err
}

// prepared is one input document with its clustering features, made on
// any core.
type prepared struct {
	doc news.Document
	f   *cluster.Features
}

// ingestRun is one Ingest: the open transaction, written on the caller's
// goroutine, and the clusterer, which runs on a goroutine of its own
// (loop) and keeps what it does (events) until the writer asks for it
// with the state.
type ingestRun struct {
	d      *Desk
	ctx    context.Context
	tx     Tx
	work   chan work     // to the clusterer
	done   chan struct{} // closed when the clusterer's goroutine ends
	pushed int           // articles given to the clusterer since the last state save

	// The clusterer's goroutine's own.
	stories *pipeline.Stories
	events  []event // assignments and closed stories since the last snapshot
	err     error   // the first error of a callback
}

// work is one message to the clusterer: an article's features, or a
// request for a snapshot.
type work struct {
	f    *cluster.Features
	snap chan snapshot
	last bool // flush the reorder buffer before the snapshot
}

// snapshot is what the clusterer did since the last one, and its state
// after it.
type snapshot struct {
	events []event
	state  []byte
	err    error
}

// event is one write the clusterer asks for: an assignment or a closed
// story.
type event struct {
	a     Assignment
	story *Story
}

func (in *ingestRun) start() error {
	opt := in.d.opt.Stories
	opt.Cluster.Explain = true
	opt.OnAssign = func(a cluster.Assignment, _ *cluster.Features) { in.assign(a, false) }
	opt.Cluster.OnClose = in.close
	state, err := in.d.store.ClusterState(in.ctx)
	if err != nil {
		return err
	}
	if state == nil {
		in.stories = pipeline.NewStories(opt)
	} else if in.stories, err = pipeline.RestoreStories(bytes.NewReader(state), opt); err != nil {
		return fmt.Errorf("clusterer state in the store: %w", err)
	}
	if in.tx, err = in.d.store.Begin(in.ctx); err != nil {
		return err
	}
	in.work = make(chan work, 256)
	in.done = make(chan struct{})
	go in.loop()
	return nil
}

// loop is the clusterer's goroutine.
func (in *ingestRun) loop() {
	defer close(in.done)
	for w := range in.work {
		if w.f != nil {
			in.stories.Push(w.f)
			continue
		}
		if w.last {
			in.stories.Flush()
		}
		s := snapshot{events: in.events, err: in.err}
		in.events = nil
		if s.err == nil {
			var buf bytes.Buffer
			s.err = in.stories.Save(&buf)
			s.state = buf.Bytes()
		}
		w.snap <- s
	}
}

// push hands f, whose ID is its store id, to the clusterer.
func (in *ingestRun) push(f *cluster.Features) error {
	select {
	case in.work <- work{f: f}:
		in.pushed++
		return nil
	case <-in.ctx.Done():
		return in.ctx.Err()
	}
}

func (in *ingestRun) assign(a cluster.Assignment, final bool) {
	if in.err != nil {
		return
	}
	id, err := strconv.ParseInt(a.ID, 10, 64)
	if err != nil {
		in.err = fmt.Errorf("assignment of %q: not a store id", a.ID)
		return
	}
	detail, err := json.Marshal(a)
	if err != nil {
		in.err = err
		return
	}
	in.events = append(in.events, event{a: Assignment{Article: id, Story: a.Story, Final: final, Detail: detail}})
}

// close records a story the clusterer closed, with its members' final
// assignments.
func (in *ingestRun) close(st cluster.Story) {
	s := &Story{ID: st.ID, Title: st.Title, Outlets: st.Outlets, First: st.First, Last: st.Last, Closed: true}
	for _, m := range st.Members {
		a := m.Assignment
		a.ID, a.Story = m.ID, st.ID
		in.assign(a, true)
		id, _ := strconv.ParseInt(m.ID, 10, 64)
		s.Members = append(s.Members, id)
	}
	in.events = append(in.events, event{story: s})
}

// commit commits the open transaction; with state, it first writes what
// the clusterer did since the last such commit and its state. last
// assigns the buffered articles first, and opens no new transaction.
func (in *ingestRun) commit(state, last bool) error {
	// A run asked to stop commits nothing more (the reader may have let
	// a few more documents through before it saw ctx).
	if err := in.ctx.Err(); err != nil {
		return err
	}
	if state {
		snap := make(chan snapshot, 1)
		select {
		case in.work <- work{snap: snap, last: last}:
		case <-in.ctx.Done():
			return in.ctx.Err()
		}
		var s snapshot
		select {
		case s = <-snap:
		case <-in.ctx.Done():
			return in.ctx.Err()
		}
		if s.err != nil {
			return s.err
		}
		for _, e := range s.events {
			var err error
			if e.story != nil {
				err = in.tx.PutStory(*e.story)
			} else {
				err = in.tx.PutAssignment(e.a)
			}
			if err != nil {
				return err
			}
		}
		if err := in.tx.SaveClusterState(s.state); err != nil {
			return err
		}
		in.pushed = 0
	}
	err := in.tx.Commit()
	in.tx = nil
	if err != nil || last {
		return err
	}
	in.tx, err = in.d.store.Begin(in.ctx)
	return err
}

// stop rolls back the open transaction, if any, and ends the clusterer's
// goroutine.
func (in *ingestRun) stop() {
	if in.tx != nil {
		in.tx.Rollback()
	}
	close(in.work)
	<-in.done
}
