import { josa } from "../findings/josa.js";
import { twin } from "./twin.js";

/** What was being done to the file. */
export type FileAction = "read" | "write" | "create";

/** What stands where a regular file was expected (io/file-system.ts). */
export type FileKind = "folder" | "fifo" | "socket" | "device" | "other";

/** Why a file could not be read or written, by the system's error code (io/file-error.ts). */
export type FileReason = "ENOENT" | "EISDIR" | "ENOTDIR" | "EACCES" | "EPERM" | "EROFS" | "ELOOP" | "ENOSPC";

/** Why the registry could not be locked (io/registry-lock.ts). */
export type LockReason = "not-writable" | "no-space" | "folder-gone";

const NOTHING_WRITTEN = "nothing was written";

const REASONS: { readonly [R in FileReason]: string } = {
  ENOENT: "its folder does not exist",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of its path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ELOOP: "too many symbolic links",
  ENOSPC: "no space left on the device",
};

const KINDS: { readonly [K in FileKind]: string } = {
  folder: "it is a folder",
  fifo: "it is a FIFO",
  socket: "it is a socket",
  device: "it is a device",
  other: "it is not a regular file",
};

const LOCK: { readonly [R in LockReason]: string } = {
  "not-writable": "its folder is not writable",
  "no-space": REASONS.ENOSPC,
  "folder-gone": "its folder is gone",
};

// A file sparkport could not read, write, create or lock: the file as the user named it, then why.
const en = {
  cannot: (action: FileAction, file: string, reason: string) => `cannot ${action} ${file}: ${reason}${action === "read" ? "" : `; ${NOTHING_WRITTEN}`}`,
  reasons: REASONS,
  kinds: KINDS,
  notReplaceable: (file: string, folder: boolean) =>
    `cannot create ${file}: it is ${folder ? "a directory" : "not a regular file (a FIFO, socket or device)"}; ${NOTHING_WRITTEN} (--force replaces only a regular file)`,
  exists: (file: string) => `${file} already exists; ${NOTHING_WRITTEN}. Use --force to replace it.`,
  cannotLock: (file: string, reason: LockReason) => `cannot lock ${file}: ${LOCK[reason]}; ${NOTHING_WRITTEN}`,
  gone: (file: string) => `${file} no longer exists; ${NOTHING_WRITTEN}`,
  locked: (file: string, lock: string) => `${file} is locked by another sparkport change (${lock} is kept fresh by its owner); ${NOTHING_WRITTEN}, try again`,
  lostLock: (file: string, seconds: number) => `lost the lock of ${file} (this run paused for over ${seconds} s); ${NOTHING_WRITTEN}, try again`,
  removedWhileWaiting: (file: string) => `${file} was removed while waiting for its lock; ${NOTHING_WRITTEN}`,
  noLongerRegular: (file: string) => `cannot read ${file}: it is no longer a regular file; ${NOTHING_WRITTEN}`,
};

const NOTHING_WRITTEN_KO = "아무것도 쓰지 않았습니다";
const REASONS_KO: { readonly [R in FileReason]: string } = {
  ENOENT: "들어갈 폴더가 없습니다",
  EISDIR: "디렉터리입니다",
  ENOTDIR: "경로 중간에 폴더가 아닌 것이 있습니다",
  EACCES: "권한이 없습니다",
  EPERM: "권한이 없습니다",
  EROFS: "읽기 전용 파일 시스템입니다",
  ELOOP: "심볼릭 링크가 너무 많이 이어집니다",
  ENOSPC: "장치에 남은 공간이 없습니다",
};
const ACTION_KO: { readonly [A in FileAction]: string } = { read: "읽을", write: "쓸", create: "만들" };
const LOCK_KO: { readonly [R in LockReason]: string } = {
  "not-writable": "폴더에 쓸 수 없습니다",
  "no-space": REASONS_KO.ENOSPC,
  "folder-gone": "폴더가 없어졌습니다",
};

export const fileErrorWords = twin<typeof en>({
  en,
  ko: {
    cannot: (action, file, reason) => `${josa(file, "을/를")} ${ACTION_KO[action]} 수 없습니다: ${reason}${action === "read" ? "" : `. ${NOTHING_WRITTEN_KO}`}`,
    reasons: REASONS_KO,
    kinds: { folder: "폴더입니다", fifo: "FIFO입니다", socket: "소켓입니다", device: "장치 파일입니다", other: "일반 파일이 아닙니다" },
    notReplaceable: (file, folder) =>
      `${josa(file, "을/를")} 만들 수 없습니다: ${folder ? "디렉터리입니다" : "일반 파일이 아닙니다 (FIFO, 소켓 또는 장치 파일)"}. ${NOTHING_WRITTEN_KO} (--force는 일반 파일만 바꿉니다)`,
    exists: (file) => `${josa(file, "이/가")} 이미 있습니다. ${NOTHING_WRITTEN_KO}. 바꾸려면 --force를 쓰세요.`,
    cannotLock: (file, reason) => `${josa(file, "을/를")} 잠글 수 없습니다: ${LOCK_KO[reason]}. ${NOTHING_WRITTEN_KO}`,
    gone: (file) => `${josa(file, "이/가")} 더 이상 없습니다. ${NOTHING_WRITTEN_KO}`,
    locked: (file, lock) => `다른 sparkport 변경이 ${josa(file, "을/를")} 잠그고 있습니다 (그쪽이 ${josa(lock, "을/를")} 계속 갱신합니다). ${NOTHING_WRITTEN_KO}. 다시 시도하세요`,
    lostLock: (file, seconds) => `${file}의 잠금을 잃었습니다 (이 실행이 ${seconds}초 넘게 멈췄습니다). ${NOTHING_WRITTEN_KO}. 다시 시도하세요`,
    removedWhileWaiting: (file) => `잠금을 기다리는 동안 ${josa(file, "이/가")} 지워졌습니다. ${NOTHING_WRITTEN_KO}`,
    noLongerRegular: (file) => `${josa(file, "을/를")} 읽을 수 없습니다: 더 이상 일반 파일이 아닙니다. ${NOTHING_WRITTEN_KO}`,
  },
});
