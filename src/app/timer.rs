//! The workshop timer: a countdown for an exercise ("five minutes to write pain points"),
//! shown large in the presentation and in the editor's status bar.
//!
//! It runs on a monotonic clock, so it keeps time while the window is in the background and
//! is immune to changes of the system clock. The clock is injected, so tests can move time.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The last seconds are shown in a warning colour.
pub const WARNING: Duration = Duration::from_secs(10);
/// How long the "time is up" signal lasts.
pub const SIGNAL: Duration = Duration::from_secs(6);
/// How long "time is up" stays on the presentation after the signal.
pub const SHOW_DONE: Duration = Duration::from_secs(60);
/// The ready-made durations offered, in minutes.
pub const PRESETS: [u64; 5] = [1, 3, 5, 10, 15];
/// The longest countdown accepted.
pub const MAX: Duration = Duration::from_secs(6 * 3600);

/// Where the time comes from.
pub trait Clock: Send + Sync {
    fn now(&self) -> Instant;
}

/// The system's monotonic clock.
pub struct MonotonicClock;

impl Clock for MonotonicClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// A clock that only moves when told to (tests).
pub struct ManualClock {
    start: Instant,
    elapsed_ms: AtomicU64,
}

impl ManualClock {
    /// A clock standing at the moment it was made.
    pub fn new() -> Arc<ManualClock> {
        Arc::new(ManualClock { start: Instant::now(), elapsed_ms: AtomicU64::new(0) })
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        self.elapsed_ms.fetch_add(by.as_millis() as u64, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        self.start + Duration::from_millis(self.elapsed_ms.load(Ordering::SeqCst))
    }
}

/// What the timer is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Set to its full duration, not started.
    Ready,
    Running {
        ends: Instant,
    },
    Paused {
        left: Duration,
    },
    /// Reached zero at `at`.
    Done {
        at: Instant,
    },
}

/// A countdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    duration: Duration,
    state: State,
}

/// What the timer shows at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Time left, rounded up to whole seconds (a countdown shows 0:01 until it is over).
    pub left_secs: u64,
    pub running: bool,
    /// In the last seconds.
    pub warning: bool,
    /// Reached zero within the last few seconds: show the signal.
    pub signalling: bool,
    /// While signalling, whether the signal is in its bright half-second (it blinks).
    pub blink_on: bool,
    /// Reached zero.
    pub done: bool,
    /// Reached zero within the last minute (the presentation shows it that long).
    pub done_recently: bool,
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new(Duration::from_secs(5 * 60))
    }
}

impl Timer {
    /// A timer set to `duration` (at most six hours), not started.
    pub fn new(duration: Duration) -> Timer {
        Timer { duration: duration.min(MAX), state: State::Ready }
    }

    /// The full duration.
    pub fn duration(&self) -> Duration {
        self.duration
    }

    /// Sets a new duration and stops.
    pub fn set(&mut self, duration: Duration) {
        *self = Timer::new(duration);
    }

    /// Starts, or resumes after a pause; after zero, starts again from the full duration.
    pub fn start(&mut self, now: Instant) {
        self.state = match self.state {
            State::Ready | State::Done { .. } => State::Running { ends: now + self.duration },
            State::Paused { left } => State::Running { ends: now + left },
            running @ State::Running { .. } => running,
        };
    }

    /// Pauses a running timer.
    pub fn pause(&mut self, now: Instant) {
        if let State::Running { ends } = self.state {
            self.state = if ends <= now { State::Done { at: ends } } else { State::Paused { left: ends - now } };
        }
    }

    /// Starts or pauses.
    pub fn toggle(&mut self, now: Instant) {
        if self.is_running(now) { self.pause(now) } else { self.start(now) }
    }

    /// One more minute, also after zero (the room needs a little longer).
    pub fn add_minute(&mut self, now: Instant) {
        let minute = Duration::from_secs(60);
        self.state = match self.state {
            State::Ready => {
                self.duration = (self.duration + minute).min(MAX);
                State::Ready
            }
            State::Running { ends } if ends > now => State::Running { ends: ends + minute },
            State::Running { .. } | State::Done { .. } => State::Running { ends: now + minute },
            State::Paused { left } => State::Paused { left: left + minute },
        };
    }

    /// Back to the full duration, stopped.
    pub fn reset(&mut self) {
        self.state = State::Ready;
    }

    /// Whether it counts down at `now`.
    pub fn is_running(&self, now: Instant) -> bool {
        matches!(self.state, State::Running { ends } if ends > now)
    }

    /// Whether it was started and not reset.
    pub fn is_active(&self) -> bool {
        !matches!(self.state, State::Ready)
    }

    /// What it shows at `now`.
    pub fn read(&self, now: Instant) -> Reading {
        let (left, running, done_at) = match self.state {
            State::Ready => (self.duration, false, None),
            State::Paused { left } => (left, false, None),
            State::Running { ends } if ends > now => (ends - now, true, None),
            State::Running { ends } => (Duration::ZERO, false, Some(ends)),
            State::Done { at } => (Duration::ZERO, false, Some(at)),
        };
        let left_secs = left.as_millis().div_ceil(1000) as u64;
        Reading {
            left_secs,
            running,
            warning: running && left <= WARNING,
            signalling: done_at.is_some_and(|at| now.saturating_duration_since(at) < SIGNAL),
            blink_on: done_at.is_some_and(|at| (now.saturating_duration_since(at).as_millis() / 500).is_multiple_of(2)),
            done: done_at.is_some(),
            done_recently: done_at.is_some_and(|at| now.saturating_duration_since(at) < SHOW_DONE),
        }
    }

    /// How long until what it shows next changes, so the window repaints only then (no busy
    /// loop): the next whole second while running, the end of the signal after zero.
    pub fn next_change(&self, now: Instant) -> Option<Duration> {
        match self.state {
            State::Running { ends } if ends > now => {
                let left = ends - now;
                let to_next_second = Duration::from_millis((left.as_millis() % 1000) as u64);
                Some(if to_next_second.is_zero() { Duration::from_secs(1) } else { to_next_second })
            }
            State::Running { ends } | State::Done { at: ends } => {
                let since = now.saturating_duration_since(ends);
                if since < SIGNAL {
                    // Blink the signal twice a second while it lasts.
                    Some(Duration::from_millis(500 - (since.as_millis() % 500) as u64))
                } else {
                    (since < SHOW_DONE).then(|| SHOW_DONE - since)
                }
            }
            State::Ready | State::Paused { .. } => None,
        }
    }
}

/// "4:05", or "1:02:03" past an hour.
pub fn format_secs(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m}:{s:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minute_counts_down_warns_in_its_last_ten_seconds_and_signals_at_zero() {
        let clock = ManualClock::new();
        let mut t = Timer::new(Duration::from_secs(60));
        assert_eq!(t.read(clock.now()).left_secs, 60);
        t.start(clock.now());
        clock.advance(Duration::from_millis(400));
        assert_eq!(t.read(clock.now()).left_secs, 60, "rounded up");
        clock.advance(Duration::from_secs(49));
        let r = t.read(clock.now());
        assert_eq!((r.left_secs, r.warning), (11, false));
        clock.advance(Duration::from_secs(2));
        assert!(t.read(clock.now()).warning);
        clock.advance(Duration::from_secs(10));
        let r = t.read(clock.now());
        assert!(r.done && r.signalling && !r.running && r.left_secs == 0);
        clock.advance(SIGNAL);
        assert!(!t.read(clock.now()).signalling, "the signal ends by itself");
    }

    #[test]
    fn pause_keeps_the_time_left_and_plus_one_minute_extends_it() {
        let clock = ManualClock::new();
        let mut t = Timer::new(Duration::from_secs(180));
        t.start(clock.now());
        clock.advance(Duration::from_secs(30));
        t.pause(clock.now());
        clock.advance(Duration::from_secs(600));
        assert_eq!(t.read(clock.now()).left_secs, 150, "paused time does not pass");
        t.add_minute(clock.now());
        t.toggle(clock.now());
        clock.advance(Duration::from_secs(10));
        assert_eq!(t.read(clock.now()).left_secs, 200);
        t.reset();
        assert_eq!(t.read(clock.now()).left_secs, 180);
        assert!(!t.is_active());
    }

    #[test]
    fn plus_one_minute_after_zero_starts_a_new_minute() {
        let clock = ManualClock::new();
        let mut t = Timer::new(Duration::from_secs(60));
        t.start(clock.now());
        clock.advance(Duration::from_secs(70));
        t.add_minute(clock.now());
        assert_eq!(t.read(clock.now()).left_secs, 60);
        assert!(t.is_running(clock.now()));
    }

    #[test]
    fn the_window_is_woken_once_a_second_while_running_and_never_when_stopped() {
        let clock = ManualClock::new();
        let mut t = Timer::new(Duration::from_secs(60));
        assert_eq!(t.next_change(clock.now()), None);
        t.start(clock.now());
        clock.advance(Duration::from_millis(300));
        assert_eq!(t.next_change(clock.now()), Some(Duration::from_millis(700)));
        t.pause(clock.now());
        assert_eq!(t.next_change(clock.now()), None);
    }

    #[test]
    fn times_read_as_minutes_and_seconds() {
        assert_eq!(format_secs(0), "0:00");
        assert_eq!(format_secs(65), "1:05");
        assert_eq!(format_secs(3723), "1:02:03");
    }
}
