// Sending what waits on the device (an inspection's answers, its photos) one round at a time.
import { useRef, useState } from 'preact/hooks';

/**
 * `run` starts a round unless one is under way; a call meanwhile (the connection came back while a
 * round was failing) asks for one more round right after it, instead of leaving what waits to the
 * next timed retry. `running` says whether a round is under way.
 */
export function useOneAtATime(round: () => Promise<void>) {
  const [running, setRunning] = useState(false);
  const busy = useRef(false);
  const again = useRef(false);
  const latest = useRef(round);
  latest.current = round;
  const run = async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setRunning(true);
    try {
      do {
        again.current = false;
        await latest.current();
      } while (again.current);
    } finally {
      busy.current = false;
      setRunning(false);
    }
  };
  return { run, running };
}
