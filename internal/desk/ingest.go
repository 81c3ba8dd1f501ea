package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// DefaultBatch is how many input articles one transaction holds.
const DefaultBatch = 2000

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
// the store holds. Every Options.Batch documents it commits the articles,
// the assignments and the clusterer's state in one transaction; at the end
// it assigns the articles still in the reorder buffer and commits, leaving
// the stories open for the next run. A run stopped before the end (ctx,
// a crash) keeps every committed batch, and the next run first clusters
// the articles stored but not yet assigned. The error is the first of the
// store's, the pipeline's reading, or ctx's; bad input items are not
// errors (see Pipeline).
func (d *Desk) Ingest(ctx context.Context, paths []string) (Summary, error) {
	return d.ingest(ctx, func(emit func(news.Document) error) error { return d.p.Documents(ctx, paths, emit) })
}

// ingest is one ingest run over the documents source gives to emit, in
// order: Ingest's over paths, Run's over a channel.
func (d *Desk) ingest(ctx context.Context, source func(emit func(news.Document) error) error) (Summary, error) {
	var sum Summary
	in := &ingestRun{d: d, ctx: ctx}
	if err := in.start(); err != nil {
		return sum, err
	}
	defer in.rollback()
	pending, err := d.store.Unassigned(ctx)
	if err != nil {
		return sum, err
	}
	for _, a := range pending {
		in.push(a.ID, a.Doc.Article)
		sum.Resumed++
	}
	n := 0
	err = source(func(doc news.Document) error {
		id, inserted, err := in.tx.PutArticle(doc)
		if err != nil {
			return err
		}
		sum.Read++
		if inserted {
			sum.Stored++
			in.pushDoc(id, doc)
		} else {
			sum.Duplicates++
		}
		if in.err != nil {
			return in.err
		}
		if d.opt.OnDocument != nil {
			d.opt.OnDocument()
		}
		if n++; n%d.opt.Batch == 0 {
			return in.commit(false)
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	if err := in.commit(true); err != nil {
		return sum, err
	}
	stories, err := d.store.Stories(ctx)
	if err != nil {
		return sum, err
	}
	sum.Stories = len(stories)
	return sum, nil
}

// ingestRun is one Ingest: the open transaction and the story stream
// whose callbacks write into it.
type ingestRun struct {
	d       *Desk
	ctx     context.Context
	tx      Tx
	stories *pipeline.Stories
	err     error // the first write error of a callback
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
	in.tx, err = in.d.store.Begin(in.ctx)
	return err
}

// push analyzes a stored article again (its tokens are not stored) and
// clusters it.
func (in *ingestRun) push(id int64, a news.Article) { in.pushDoc(id, in.d.p.Analyze(a)) }

// pushDoc clusters a stored document under its store id.
func (in *ingestRun) pushDoc(id int64, doc news.Document) {
	f := cluster.Extract(doc)
	f.ID = strconv.FormatInt(id, 10)
	in.stories.Push(f)
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
	in.err = in.tx.PutAssignment(Assignment{Article: id, Story: a.Story, Final: final, Detail: detail})
}

// close stores a story the clusterer closed, with its members' final
// assignments.
func (in *ingestRun) close(st cluster.Story) {
	s := Story{ID: st.ID, Title: st.Title, Outlets: st.Outlets, First: st.First, Last: st.Last, Closed: true}
	for _, m := range st.Members {
		a := m.Assignment
		a.ID, a.Story = m.ID, st.ID
		in.assign(a, true)
		id, _ := strconv.ParseInt(m.ID, 10, 64)
		s.Members = append(s.Members, id)
	}
	if in.err == nil {
		in.err = in.tx.PutStory(s)
	}
}

// commit saves the clusterer's state and commits the open transaction;
// last assigns the buffered articles first, and opens no new one.
func (in *ingestRun) commit(last bool) error {
	if last {
		in.stories.Flush()
	}
	if in.err != nil {
		return in.err
	}
	var buf bytes.Buffer
	if err := in.stories.Save(&buf); err != nil {
		return err
	}
	if err := in.tx.SaveClusterState(buf.Bytes()); err != nil {
		return err
	}
	err := in.tx.Commit()
	in.tx = nil
	if err != nil || last {
		return err
	}
	in.tx, err = in.d.store.Begin(in.ctx)
	return err
}

func (in *ingestRun) rollback() {
	if in.tx != nil {
		in.tx.Rollback()
	}
}
